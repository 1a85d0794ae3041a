"use client";

import { useSyncExternalStore } from "react";

/** The same test as the CSS that hides key hints: a touch screen without hover has no keyboard to hint at. */
const TOUCH_ONLY = "(hover: none) and (pointer: coarse)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(TOUCH_ONLY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function useCoarsePointer(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(TOUCH_ONLY).matches,
    () => false,
  );
}
