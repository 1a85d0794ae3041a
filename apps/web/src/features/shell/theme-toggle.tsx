"use client";

import { useState } from "react";
import styles from "./shell.module.css";
import { THEME_COOKIE, type Theme } from "./theme";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const ICON: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };
const LABEL: Record<Theme, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

/** Cycles system → light → dark. A cookie keeps the choice so the server renders it without a flash. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function change() {
    const next = NEXT[theme];
    setTheme(next);
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <button
      type="button"
      className={styles.iconButton}
      onClick={change}
      title={`${LABEL[theme]} (click to change)`}
      aria-label={`${LABEL[theme]}; switch to ${LABEL[NEXT[theme]].toLowerCase()}`}
      data-testid="theme-toggle"
    >
      <span aria-hidden>{ICON[theme]}</span>
    </button>
  );
}
