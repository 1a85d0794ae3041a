import type { TQuestions } from "@arbiter/shared";
import { Button, Input } from "@/components/ui";
import { capitalise, type FieldErrors } from "../form/draft";
import styles from "./setup.module.css";

type Aspect = TQuestions["aspects"][number];

/** A key for a label ("Factual accuracy" -> factual_accuracy), kept in step until edited by hand. */
export const keyOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 32);

/** Extra 1..N ratings (say clarity, 1–5) asked of every answer. */
export function AspectsEditor({
  aspects,
  onChange,
  errors,
}: {
  aspects: Aspect[];
  onChange: (aspects: Aspect[]) => void;
  errors: FieldErrors;
}) {
  const err = (i: number, key: string) => {
    const e = errors[`questions.aspects.${i}.${key}`];
    return e ? capitalise(e) : undefined;
  };
  const update = (i: number, patch: Partial<Aspect>) =>
    onChange(aspects.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className={styles.group}>
      <legend>Aspects</legend>
      <p className={styles.groupHint}>Ratings asked of every answer, such as clarity on a 1–5 scale.</p>
      {aspects.length === 0 ? <p className={styles.muted}>No aspects: annotators only choose.</p> : null}
      <ol className={styles.aspects}>
        {aspects.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; keys may be edited
          <li key={i} className={styles.aspect} data-testid="aspect-row">
            <Input
              label={`Aspect ${i + 1} label`}
              value={a.label}
              onChange={(e) =>
                update(i, {
                  label: e.target.value,
                  ...(a.key === "" || a.key === keyOf(a.label) ? { key: keyOf(e.target.value) } : {}),
                })
              }
              error={err(i, "label")}
            />
            <Input
              label={`Aspect ${i + 1} key`}
              value={a.key}
              onChange={(e) => update(i, { key: e.target.value })}
              error={err(i, "key")}
              hint="lower_snake_case, in exports"
            />
            <Input
              label={`Aspect ${i + 1} scale`}
              type="number"
              min={2}
              max={10}
              value={a.scale}
              onChange={(e) => update(i, { scale: Number(e.target.value) })}
              error={err(i, "scale")}
            />
            <Button
              size="sm"
              variant="ghost"
              className={styles.remove}
              onClick={() => onChange(aspects.filter((_, j) => j !== i))}
              aria-label={`Remove aspect ${i + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {aspects.length < 10 ? (
        <Button size="sm" onClick={() => onChange([...aspects, { key: "", label: "", scale: 5 }])}>
          Add aspect
        </Button>
      ) : null}
    </fieldset>
  );
}
