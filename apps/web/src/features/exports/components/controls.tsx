"use client";

import type { ReactNode } from "react";
import styles from "./exports.module.css";

type Option<T extends string> = { value: T; label: string; hint?: string; disabled?: boolean };

/** Large radio choices with a line of explanation each (the format). */
export function RadioCards<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: Option<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className="visually-hidden">{legend}</legend>
      <div className={styles.choices}>
        {options.map((o) => (
          <label key={o.value} className={styles.choice} data-choice={o.value}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
            />
            <span className={styles.choiceLabel}>{o.label}</span>
            {o.hint ? <span className={styles.choiceHint}>{o.hint}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A few short, mutually exclusive choices in one row. */
export function Segmented<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  note,
  error,
}: {
  legend: string;
  name: string;
  value: T;
  options: Option<T>[];
  onChange: (value: T) => void;
  note?: ReactNode;
  error?: string;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.fieldLabel}>{legend}</legend>
      <div className={styles.segmented}>
        {options.map((o) => (
          <label key={o.value} className={styles.segment}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldNote note={note} error={error} />
    </fieldset>
  );
}

export function Check({
  label,
  hint,
  checked,
  disabled,
  onChange,
  name,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  name: string;
}) {
  return (
    <label className={styles.check}>
      <input
        type="checkbox"
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        {label}
        {hint ? <span className={styles.checkHint}>{hint}</span> : null}
      </span>
    </label>
  );
}

export function FieldNote({ note, error, id }: { note?: ReactNode; error?: string; id?: string }) {
  if (error)
    return (
      <p className={styles.error} role="alert" id={id}>
        {error}
      </p>
    );
  return note ? (
    <p className={styles.note} id={id}>
      {note}
    </p>
  ) : null;
}
