import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Kbd } from "@/components/ui";
import type { Answer, Task } from "../answer";
import { useCoarsePointer } from "../hooks/use-coarse-pointer";
import { NUDGE_ID } from "./decision-bar";
import styles from "./labeling.module.css";

/** Flags and the rationale, when the project asks for them. */
export function Extras({
  task,
  answer,
  onAnswer,
  rationaleRef,
  rationaleMissing,
}: {
  task: Task;
  answer: Answer;
  onAnswer: (a: Answer) => void;
  rationaleRef: RefObject<HTMLTextAreaElement | null>;
  /** Submit was refused for want of it: marked invalid and described by the nudge. */
  rationaleMissing: boolean;
}) {
  const t = useTranslations("extras");
  const touch = useCoarsePointer();
  const q = task.questions;
  if (q.flags.length === 0 && q.rationale === "off") return null;
  return (
    <section className={styles.extras} aria-label={t("region")}>
      {q.flags.length > 0 ? (
        <fieldset className={styles.flags}>
          <legend className={styles.sectionLabel}>{t("flags")}</legend>
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
            {t("rationale")}{" "}
            {q.rationale === "required" ? (
              <span className={styles.required}>{t("required")}</span>
            ) : (
              t("optional")
            )}
            <Kbd>R</Kbd>
          </label>
          <textarea
            id="rationale"
            ref={rationaleRef}
            value={answer.rationale}
            maxLength={10_000}
            rows={2}
            placeholder={touch ? t("placeholder") : t("placeholderKeys")}
            data-answer-part="rationale"
            aria-invalid={rationaleMissing || undefined}
            aria-describedby={rationaleMissing ? NUDGE_ID : undefined}
            onChange={(e) => onAnswer({ ...answer, rationale: e.target.value })}
          />
        </div>
      ) : null}
    </section>
  );
}
