import rehypeHighlight from "rehype-highlight";
import { markdownClass } from "./markdown-class";
import { renderMarkdown } from "./markdown-core";

/**
 * Sanitised markdown for Server Components: rendered on the server with highlighting, so
 * the page ships none of the renderer. Client Components use `Markdown` instead.
 */
export function ServerMarkdown({ children, className }: { children: string; className?: string }) {
  return <div className={markdownClass(className)}>{renderMarkdown(children, rehypeHighlight)}</div>;
}
