import { type SelectHTMLAttributes, useId } from "react";
import styles from "./field.module.css";

type Option = { value: string; label: string };

/** A native select in the design system's field layout (label above, same height as inputs). */
export function SelectField({
  label,
  options,
  hideLabel,
  small,
  id,
  className,
  ...rest
}: {
  label: string;
  options: Option[];
  hideLabel?: boolean;
  small?: boolean;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId();
  const selectId = id ?? auto;
  const select = (
    <select
      id={selectId}
      className={[styles.select, small && styles.selectSm, className].filter(Boolean).join(" ")}
      aria-label={hideLabel ? label : undefined}
      {...rest}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return select;
  return (
    <div className={styles.field}>
      <label htmlFor={selectId} className={styles.label}>
        {label}
      </label>
      {select}
    </div>
  );
}
