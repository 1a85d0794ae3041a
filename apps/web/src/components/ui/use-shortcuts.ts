"use client";

import { useEffect, useRef } from "react";

/**
 * One keydown listener for the page. Keys typed into a text field stay there, except
 * Ctrl/Cmd+Enter (submit) and Escape (leave the field). Keys with Ctrl/Alt/Meta are left
 * to the browser, and a focused button keeps Enter/Space for itself.
 */
export function useShortcuts(handle: (key: string, event: KeyboardEvent) => boolean) {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      const typing =
        target instanceof HTMLTextAreaElement ||
        (target instanceof HTMLInputElement && !["checkbox", "radio"].includes(target.type)) ||
        target?.isContentEditable;
      if (typing) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          if (latest.current("Enter", event)) event.preventDefault();
        } else if (event.key === "Escape") target?.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector("dialog[open]") && event.key !== "?") return;
      const onControl = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
      if (onControl && (event.key === "Enter" || event.key === " ")) return;
      if (latest.current(event.key, event)) event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
