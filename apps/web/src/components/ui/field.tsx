import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from "react";
import styles from "./field.module.css";

type FieldProps = {
  label: string;
  hint?: React.ReactNode;
  error?: string | null;
};

export function Input({
  label,
  hint,
  error,
  id,
  ...rest
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => <input className={styles.control} {...control} {...rest} />}
    </Field>
  );
}

export function Textarea({
  label,
  hint,
  error,
  id,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => <textarea className={`${styles.control} ${styles.textarea}`} {...control} {...rest} />}
    </Field>
  );
}

/** The attributes that tie a control to its label and to its hint or error. */
type ControlLink = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** Label, control and note; the control comes from the caller so inputs and textareas share the wiring. */
function Field({
  label,
  hint,
  error,
  id,
  children,
}: FieldProps & { id?: string; children: (control: ControlLink) => ReactNode }) {
  const auto = useId();
  const inputId = id ?? auto;
  return (
    <div className={styles.field}>
      <label htmlFor={inputId} className={styles.label}>
        {label}
      </label>
      {children({
        id: inputId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error || hint ? `${inputId}-note` : undefined,
      })}
      <FieldNote id={`${inputId}-note`} hint={hint} error={error} />
    </div>
  );
}

function FieldNote({ id, hint, error }: { id: string; hint?: React.ReactNode; error?: string | null }) {
  if (error)
    return (
      <p id={id} className={styles.error} role="alert">
        {error}
      </p>
    );
  if (hint)
    return (
      <p id={id} className={styles.hint}>
        {hint}
      </p>
    );
  return null;
}
