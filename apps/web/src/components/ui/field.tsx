import { type InputHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
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
  const auto = useId();
  const inputId = id ?? auto;
  return (
    <div className={styles.field}>
      <label htmlFor={inputId} className={styles.label}>
        {label}
      </label>
      <input
        id={inputId}
        className={styles.control}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${inputId}-note` : undefined}
        {...rest}
      />
      <FieldNote id={`${inputId}-note`} hint={hint} error={error} />
    </div>
  );
}

export function Textarea({
  label,
  hint,
  error,
  id,
  ...rest
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const inputId = id ?? auto;
  return (
    <div className={styles.field}>
      <label htmlFor={inputId} className={styles.label}>
        {label}
      </label>
      <textarea
        id={inputId}
        className={`${styles.control} ${styles.textarea}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${inputId}-note` : undefined}
        {...rest}
      />
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
