import type { TAssignment, TOptionKey } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { Badge, Kbd } from "@/components/ui";
import { Markdown } from "@/components/ui/markdown";
import type { Answer, Task } from "../answer";
import { placeOf } from "../ranking";
import styles from "./labeling.module.css";

type Option = TAssignment["options"][number];

type T = ReturnType<typeof useTranslations<"option">>;

function pairwiseState(answer: Answer, key: TOptionKey, t: T): { state: string; badge: React.ReactNode } {
  if (answer.choice === key) return { state: "chosen", badge: <Badge tone="accent">{t("better")}</Badge> };
  if (answer.choice === "tie") return { state: "tie", badge: <Badge>{t("tie")}</Badge> };
  if (answer.choice === "both_bad") return { state: "bad", badge: <Badge tone="danger">{t("bad")}</Badge> };
  if (answer.choice) return { state: "other", badge: null };
  return { state: "none", badge: null };
}

export function OptionCard({
  option,
  index,
  task,
  answer,
  onPick,
  onRate,
}: {
  option: Option;
  index: number;
  task: Task;
  answer: Answer;
  /** Pairwise: choose this option; ranking: place it next, or take it out again. */
  onPick: (key: TOptionKey) => void;
  onRate: (key: TOptionKey, aspect: string, value: number | null) => void;
}) {
  const t = useTranslations("option");
  const tr = useTranslations("ranking");
  const ranking = task.taskType === "ranking";
  const placeNumber = ranking ? placeOf(answer.ranking, option.key) : null;
  const place = placeNumber ? `${placeNumber.tied ? "=" : ""}${tr("place", { n: placeNumber.n })}` : null;
  const pair = ranking ? null : pairwiseState(answer, option.key, t);
  const state = ranking ? (place ? "ranked" : "none") : pair!.state;
  const shortcut = ranking ? String(index + 1) : option.key;
  return (
    <article
      className={styles.option}
      data-state={state}
      data-testid={`option-${option.key}`}
      aria-label={t("response", { key: option.key })}
    >
      <button
        type="button"
        className={styles.optionHeader}
        onClick={() => onPick(option.key)}
        aria-pressed={ranking ? Boolean(place) : answer.choice === option.key}
      >
        <span className={styles.optionTitle}>
          <span className={styles.optionKey} aria-hidden>
            {option.key}
          </span>
          {t("response", { key: option.key })}
        </span>
        <span className={styles.optionStatus}>
          {ranking && place ? <Badge tone="accent">{place}</Badge> : pair?.badge}
          <Kbd hint>{shortcut}</Kbd>
        </span>
      </button>
      <div className={styles.optionBody}>
        {option.text.trim() ? (
          <Markdown>{option.text}</Markdown>
        ) : (
          <p className={styles.emptyText}>{t("empty")}</p>
        )}
      </div>
      {task.questions.aspects.length > 0 ? (
        <div className={styles.aspects}>
          {task.questions.aspects.map((aspect) => {
            const value = answer.aspects[option.key]?.[aspect.key];
            return (
              <fieldset key={aspect.key} className={styles.aspect}>
                <legend>{aspect.label}</legend>
                <div className={styles.scale}>
                  {Array.from({ length: aspect.scale }, (_, i) => i + 1).map((n) => (
                    <button
                      key={n}
                      type="button"
                      aria-pressed={value === n}
                      aria-label={t("aspectRating", {
                        aspect: aspect.label,
                        key: option.key,
                        value: n,
                        scale: aspect.scale,
                      })}
                      onClick={() => onRate(option.key, aspect.key, value === n ? null : n)}
                    >
                      {n}
                    </button>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      ) : null}
    </article>
  );
}
