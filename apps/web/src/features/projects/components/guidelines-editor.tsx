"use client";

import { useState } from "react";
import { Textarea } from "@/components/ui";
import { GuidelinesPanel } from "@/features/annotate/components/guidelines-panel";
import styles from "./setup.module.css";

/**
 * Markdown on the left, and on the right the labeling page's own guidelines panel, so the
 * preview is what annotators will see.
 */
export function GuidelinesEditor({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(true);
  return (
    <div className={styles.guidelines}>
      <Textarea
        label="Guidelines (markdown)"
        name="guidelines"
        value={value}
        rows={14}
        maxLength={100_000}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        hint="Headings, lists, bold, links and code work; raw HTML is shown as text"
      />
      <section
        className={styles.preview}
        aria-label="Preview as annotators see it"
        data-testid="guidelines-preview"
      >
        <h3 className={styles.previewTitle}>Preview as annotators see it</h3>
        {value.trim() ? (
          <GuidelinesPanel guidelines={value} open={open} onToggle={() => setOpen((o) => !o)} />
        ) : (
          <p className={styles.muted}>Nothing yet: annotators will go straight to the items.</p>
        )}
      </section>
    </div>
  );
}
