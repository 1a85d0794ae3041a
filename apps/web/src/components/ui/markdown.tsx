"use client";

import { memo, useEffect, useState } from "react";
import { MarkdownView, type THighlighter } from "./markdown-core";

/**
 * rehype-highlight brings highlight.js with its common languages, the largest part of the
 * renderer, and only fenced code naming its language is highlighted (`detect: false`). So
 * the browser loads it by `import()` the first time such a block is on screen — the block
 * shows plain until then, for a moment — and every later render highlights synchronously.
 */
let highlighter: THighlighter | null = null;
let loadingHighlighter: Promise<THighlighter> | null = null;
/** Loose on purpose: a false match only loads the module early; a miss would leave code plain. */
const FENCE_WITH_LANGUAGE = /(`{3,}|~{3,})[ \t]*[^\s`~]/;

function useHighlighter(text: string): THighlighter | null {
  const needed = FENCE_WITH_LANGUAGE.test(text);
  const [, setLoaded] = useState(highlighter !== null);
  useEffect(() => {
    if (!needed || highlighter) return;
    let mounted = true;
    loadingHighlighter ??= import("rehype-highlight").then(
      (m) => {
        highlighter = m.default;
        return highlighter;
      },
      (err: unknown) => {
        // Offline, or a redeploy removed the chunk: the code stays plain, a later render retries.
        loadingHighlighter = null;
        throw err;
      },
    );
    void loadingHighlighter.then(
      () => mounted && setLoaded(true),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [needed]);
  return needed ? highlighter : null;
}

/**
 * Sanitised markdown (see markdown-core.tsx) for Client Components. Memoised: a page
 * re-rendering around unchanged text (a key press, a progress update) does not parse it
 * again.
 */
export const Markdown = memo(function Markdown({
  children,
  className,
}: {
  children: string;
  className?: string;
}) {
  return (
    <MarkdownView className={className} highlight={useHighlighter(children)}>
      {children}
    </MarkdownView>
  );
});
