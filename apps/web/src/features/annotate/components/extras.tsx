import type { RefObject } from "react";
import { Kbd } from "@/components/ui";
import type { Answer, Task } from "../answer";
import styles from "./labeling.module.css";

/** Flags and the rationale, when the project asks for them. */
export function Extras({
  task,
  answer,
  onAnswer,
  rationaleRef,
}: {
  task: Task;
  answer: Answer;
  onAnswer: (a: Answer) => void;
  rationaleRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const q = task.questions;
  if (q.flags.length === 0 && q.rationale === "off") return null;
  return (
    <section className={styles.extras} aria-label="Details">
      {q.flags.length > 0 ? (
        <fieldset className={styles.flags}>
          <legend className={styles.sectionLabel}>Flags</legend>
          {q.flags.map((flag) => {
            const on = answer.flags.includes(flag);
            return (
              <label key={flag} className={styles.flag} data-on={on}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() =>
                    onAnswer({
                      ...answer,
                      flags: on ? answer.flags.filter((f) => f !== flag) : [...answer.flags, flag],
                    })
                  }
                />
                {flag}
              </label>
            );
          })}
        </fieldset>
      ) : null}
      {q.rationale !== "off" ? (
        <div className={styles.rationale}>
          <label htmlFor="rationale" className={styles.sectionLabel}>
            Rationale{" "}
            {q.rationale === "required" ? <span className={styles.required}>required</span> : "(optional)"}
            <Kbd>R</Kbd>
          </label>
          <textarea
            id="rationale"
            ref={rationaleRef}
            value={answer.rationale}
            maxLength={10_000}
            rows={2}
            placeholder="Why is it better? Ctrl+Enter submits, Esc returns to shortcuts."
            onChange={(e) => onAnswer({ ...answer, rationale: e.target.value })}
          />
        </div>
      ) : null}
    </section>
  );
}
