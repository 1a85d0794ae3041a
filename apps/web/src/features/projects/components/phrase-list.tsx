import { type KeyboardEvent, useId, useState } from "react";
import { Button, Input } from "@/components/ui";
import { capitalise, type FieldErrors } from "../form/draft";
import styles from "./setup.module.css";

/**
 * An editable list of phrases (screening and moderation patterns): each a removable chip,
 * a field to add one (Enter adds), and optionally a way back to the defaults. Errors keyed
 * `<path>.<index>` mark their chip; an error on `<path>` itself shows under the list.
 */
export function PhraseList({
  label,
  addLabel,
  hint,
  phrases,
  onChange,
  errors,
  path,
  defaults,
  empty,
}: {
  label: string;
  /** The add field's label, distinct per list ("Add a screening phrase"). */
  addLabel: string;
  hint: string;
  phrases: string[];
  onChange: (phrases: string[]) => void;
  errors: FieldErrors;
  path: string;
  defaults?: readonly string[];
  empty: string;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const listError = errors[path];
  const chipError = (i: number) => errors[`${path}.${i}`];
  const firstChipError = phrases.map((_, i) => chipError(i)).find(Boolean);
  const error = listError ?? firstChipError;

  function add() {
    const phrase = text.trim().replace(/\s+/g, " ");
    if (!phrase) return;
    if (phrases.some((p) => p.toLowerCase() === phrase.toLowerCase())) {
      setNote(`“${phrase}” is already in the list`);
      return;
    }
    onChange([...phrases, phrase]);
    setText("");
    setNote(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    // Enter adds the phrase rather than submitting the whole settings form.
    event.preventDefault();
    add();
  }

  const sameAsDefaults =
    defaults !== undefined &&
    defaults.length === phrases.length &&
    defaults.every((p, i) => p === phrases[i]);

  return (
    <div className={styles.phrases}>
      <div className={styles.phrasesHead}>
        <span id={`${id}-label`} className={styles.groupLegend}>
          {label}
        </span>
        <span className={styles.muted}>
          {phrases.length === 1 ? "1 phrase" : `${phrases.length} phrases`}
        </span>
      </div>
      <p className={styles.groupHint} id={`${id}-hint`}>
        {hint}
      </p>
      {phrases.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <ul className={styles.chips} aria-label={label}>
          {phrases.map((p, i) => (
            <li key={p} className={styles.chip} data-invalid={chipError(i) ? "" : undefined}>
              <span>{p}</span>
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={`Remove “${p}”`}
                onClick={() => onChange(phrases.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.phraseAdd}>
        <Input
          label={addLabel}
          value={text}
          maxLength={100}
          onChange={(e) => {
            setText(e.target.value);
            setNote(null);
          }}
          onKeyDown={onKeyDown}
          hint={note ?? "Enter adds it; matched as whole words, any case"}
        />
        <Button onClick={add} disabled={text.trim() === ""} aria-label={`Add to ${label.toLowerCase()}`}>
          Add
        </Button>
        {defaults && !sameAsDefaults ? (
          <Button variant="ghost" onClick={() => onChange([...defaults])}>
            Restore defaults
          </Button>
        ) : null}
      </div>
      {error ? (
        <p className={styles.error} role="alert">
          {listError
            ? capitalise(listError)
            : `“${phrases.find((_, i) => chipError(i))}”: ${capitalise(firstChipError!)}`}
        </p>
      ) : null}
    </div>
  );
}
