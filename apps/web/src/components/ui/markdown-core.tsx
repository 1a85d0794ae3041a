import type { Root } from "mdast";
import type { ReactElement } from "react";
import ReactMarkdown, { type Components, type Options } from "react-markdown";
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

export type THighlighter = typeof import("rehype-highlight")["default"];
type THighlightTransformer = ReturnType<THighlighter>;

/**
 * rehype-highlight builds a new highlight.js instance — 37 languages registered, each
 * compiled again on first use — every time it is attached, and react-markdown attaches its
 * plugins on every render. Its transformer keeps nothing per document, so one attached
 * instance serves every render.
 */
const attached = new WeakMap<THighlighter, THighlightTransformer>();
function attachedOnce(highlight: THighlighter): () => THighlightTransformer {
  let transformer = attached.get(highlight);
  if (!transformer) {
    transformer = highlight({ detect: false });
    attached.set(highlight, transformer);
  }
  return () => transformer;
}

/**
 * The one renderer behind `Markdown` (client) and `ServerMarkdown`; they differ only in how
 * they get the highlighter. Without one, fenced code shows plain. react-markdown's `Markdown`
 * is a plain synchronous function (no hooks), so it is called directly: the element it
 * returns can be kept and shown again without parsing the text again.
 */
export function renderMarkdown(text: string, highlight: THighlighter | null): ReactElement {
  const rehypePlugins: Options["rehypePlugins"] = highlight
    ? [rehypeSanitize, attachedOnce(highlight)]
    : [rehypeSanitize];
  return ReactMarkdown({
    children: text,
    remarkPlugins: [remarkGfm, remarkHtmlAsText],
    rehypePlugins,
    components,
  });
}
