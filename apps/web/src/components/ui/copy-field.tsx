"use client";

import { useState } from "react";
import { Button } from "./button";
import styles from "./copy-field.module.css";

/** Copies text and reports success for two seconds; without clipboard access it selects `fallback`. */
export function useCopy(value: string): [boolean, () => Promise<void>] {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access needs a secure context; selecting the text still lets people copy by hand.
      const node = document.querySelector(`[data-copy="${CSS.escape(value)}"]`);
      if (node) window.getSelection()?.selectAllChildren(node);
      return;
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return [copied, copy];
}

/** A value to hand on (a link, a completion code) with a copy button that says when it worked. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [copied, copy] = useCopy(value);
  return (
    <div className={styles.copy}>
      <output className={styles.copyValue} aria-label={label} data-copy={value} data-testid={testId}>
        {value}
      </output>
      <Button onClick={copy} aria-live="polite">
        {copied ? "Copied ✓" : "Copy"}
      </Button>
    </div>
  );
}
