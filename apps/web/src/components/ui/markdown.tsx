"use client";

import { memo, type ReactElement, useEffect, useState, useSyncExternalStore } from "react";
import { markdownClass } from "./markdown-class";
import type { THighlighter } from "./markdown-core";

type TCore = typeof import("./markdown-core");

/**
 * The renderer (react-markdown, remark-gfm, rehype-sanitize) is not part of any page's first
 * load: the browser fetches it by `import()` as soon as this module runs, alongside the page's
 * own data requests. Until it is there the text shows as plain text — a React text node, so
 * nothing in it can run.
 */
let core: TCore | null = null;
const coreListeners = new Set<() => void>();
if (typeof window !== "undefined") {
  void import("./markdown-core").then(
    (m) => {
      core = m;
      for (const listener of coreListeners) listener();
    },
    // Offline, or a redeploy removed the chunk: the text stays plain until a reload.
    () => undefined,
  );
}
function subscribeCore(listener: () => void) {
  coreListeners.add(listener);
  return () => coreListeners.delete(listener);
}
const useCore = () =>
  useSyncExternalStore(
    subscribeCore,
    () => core,
    () => null,
  );

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
 * Rendered elements by text, so text shown again (an undo brings the last item back, the same
 * guidelines on every item) is not parsed again. Bounded: a session labels hundreds of items.
 */
const CACHE_SIZE = 64;
const caches = { plain: new Map<string, ReactElement>(), highlighted: new Map<string, ReactElement>() };

function rendered(render: TCore, text: string, highlight: THighlighter | null): ReactElement {
  const cache = highlight ? caches.highlighted : caches.plain;
  let element = cache.get(text);
  if (element === undefined) {
    element = render.renderMarkdown(text, highlight);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  } else cache.delete(text);
  cache.set(text, element);
  return element;
}

/**
 * Sanitised markdown (see markdown-core.tsx) for Client Components: the one renderer for
 * model output, prompts and guidelines. Memoised: a page re-rendering around unchanged text
 * (a key press, a progress update) does not touch it.
 */
export const Markdown = memo(function Markdown({
  children,
  className,
}: {
  children: string;
  className?: string;
}) {
  const render = useCore();
  const highlight = useHighlighter(children);
  if (!render)
    return (
      <div className={markdownClass(className)} data-markdown="plain">
        {children}
      </div>
    );
  return <div className={markdownClass(className)}>{rendered(render, children, highlight)}</div>;
});
