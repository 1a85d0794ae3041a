/** The class of a rendered markdown block, whether rendered yet or still plain text. */
export const markdownClass = (className?: string) => ["markdown", className].filter(Boolean).join(" ");
