"use client";

import { Textarea } from "@/components/ui";
import type { ImportKind } from "../api";
import styles from "./generation.module.css";

export type PastedText = { text: string; format: "lines" | "jsonl" };

/** Pasted prompts (one per line, or JSONL) or completions (JSONL only), checked like a file. */
export function PasteBox({
  kind,
  value,
  onChange,
}: {
  kind: ImportKind;
  value: PastedText;
  onChange: (next: PastedText) => void;
}) {
  const lines = kind === "prompts" && value.format === "lines";
  return (
    <div className={styles.stack}>
      {kind === "prompts" ? (
        <fieldset className={styles.formSection}>
          <legend>Pasted text is</legend>
          <div role="radiogroup" aria-label="Pasted text is" className={styles.segmented}>
            {(["lines", "jsonl"] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="paste-format"
                  checked={value.format === f}
                  onChange={() => onChange({ ...value, format: f })}
                />
                {f === "lines" ? "One prompt per line" : "JSONL"}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <Textarea
        label={kind === "prompts" ? "Prompts" : "Completions (JSONL)"}
        hint={
          lines
            ? "Each non-empty line becomes a prompt; blank lines are skipped."
            : "One JSON object per line, as in the file formats below."
        }
        rows={8}
        spellCheck={false}
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
        placeholder={lines ? "What is a tide?\nWhy is the sea salty?" : '{"text": "What is a tide?"}'}
        data-testid="paste-text"
      />
    </div>
  );
}
