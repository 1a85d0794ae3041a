import styles from "./setup.module.css";

export type Choice<V extends string> = { value: V; label: string; hint: string };

/** A radio group of cards, one sentence per choice, like the checkboxes of the questions. */
export function RadioCards<V extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  className,
}: {
  legend: string;
  name: string;
  choices: Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  className: string | undefined;
}) {
  return (
    <fieldset className={styles.group}>
      <legend>{legend}</legend>
      <div className={className}>
        {choices.map((c) => (
          <label key={c.value} className={styles.check}>
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <span>
              {c.label}
              <small>{c.hint}</small>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
