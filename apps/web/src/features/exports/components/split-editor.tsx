"use client";

import { Button } from "@/components/ui";
import fieldStyles from "@/components/ui/field.module.css";
import { SPLIT_PRESETS, type SplitRow, splitRows } from "../form";
import { FieldNote } from "./controls";
import styles from "./exports.module.css";

/** Named splits with their share of prompts; a prompt's rows all land in one split. */
export function SplitEditor({
  splits,
  onChange,
  error,
}: {
  splits: SplitRow[];
  onChange: (splits: SplitRow[]) => void;
  error?: string;
}) {
  const update = (key: number, change: Partial<SplitRow>) =>
    onChange(splits.map((s) => (s.key === key ? { ...s, ...change } : s)));
  return (
    <fieldset className={styles.fieldset} data-field="splits">
      <legend className={styles.fieldLabel}>Splits</legend>
      <div className={styles.stack}>
        {splits.map((s, i) => (
          <div key={s.key} className={styles.splitRow}>
            <input
              className={fieldStyles.control}
              aria-label={`Split ${i + 1} name`}
              value={s.name}
              maxLength={32}
              aria-invalid={error ? true : undefined}
              onChange={(e) => update(s.key, { name: e.target.value })}
            />
            <span className={styles.percent}>
              <input
                className={fieldStyles.control}
                aria-label={`Split ${i + 1} share in percent`}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                value={s.percent}
                aria-invalid={error ? true : undefined}
                onChange={(e) => update(s.key, { percent: e.target.value })}
              />
            </span>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove split ${s.name || i + 1}`}
              disabled={splits.length === 1}
              onClick={() => onChange(splits.filter((x) => x.key !== s.key))}
            >
              ✕
            </Button>
          </div>
        ))}
        <div className={styles.presets}>
          <Button
            size="sm"
            disabled={splits.length >= 10}
            onClick={() => onChange([...splits, ...splitRows([[`split${splits.length + 1}`, 0]])])}
          >
            + Add split
          </Button>
          {SPLIT_PRESETS.map((p) => (
            <Button key={p.label} size="sm" variant="ghost" onClick={() => onChange(splitRows(p.splits))}>
              {p.label}
            </Button>
          ))}
        </div>
      </div>
      <FieldNote
        error={error}
        note="Assigned by a seeded hash of the prompt: no prompt is in two splits, and a prompt keeps its split as data grows."
      />
    </fieldset>
  );
}
