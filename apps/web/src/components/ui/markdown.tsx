import type { Root } from "mdast";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";

/**
 * Model output and guidelines are untrusted. Raw HTML in them is shown as the literal
 * text the model wrote (annotators should see it, and it must never run): it becomes a
 * text node before rendering, and rehype-sanitize (GitHub's allow-list) cleans the rest,
 * dropping javascript: URLs and event-handler attributes. Highlighting runs after
 * sanitising, so only its own class names are added.
 */
function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: "text", value: node.value };
    });
  };
}

const components: Components = {
  // Remote images would load from wherever the model pointed (tracking, broken offline);
  // show what they are instead.
  img: ({ alt, src }) => (
    <span className="md-image" title={typeof src === "string" ? src : undefined}>
      [image{alt ? `: ${alt}` : ""}]
    </span>
  ),
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={["markdown", className].filter(Boolean).join(" ")}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkHtmlAsText]}
        rehypePlugins={[rehypeSanitize, [rehypeHighlight, { detect: false }]]}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
