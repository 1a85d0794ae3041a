import { useTranslations } from "next-intl";
import { Button, Kbd } from "@/components/ui";
import { type Answer, type Choice, isDecisive, type Task } from "../answer";
import styles from "./labeling.module.css";
import { RankingControls } from "./ranking-controls";
import { StrengthPicker } from "./strength-picker";

/** The nudge's id, for the fields it describes when it names them. */
export const NUDGE_ID = "answer-nudge";

type Props = {
  task: Task;
  answer: Answer;
  busy: boolean;
  canSubmit: boolean;
  /** What Submit still waits for, or why an action failed. */
  nudge: string | null;
  /** An acknowledgement ("Answer saved" with its undo); it has its own line, so it covers nothing. */
  status: React.ReactNode;
  onChoose: (choice: Choice) => void;
  onStrength: (value: number) => void;
  onAnswer: (answer: Answer) => void;
  onSubmit: () => void;
  onSkip: () => void;
};

/**
 * The answer controls: choice and strength (pairwise) or the ranking, a status line, then
 * Skip/Submit. Pinned to the bottom of the screen while the item is read (sticky, so it
 * takes its own room at the end of the item and never hides the last lines of it).
 */
export function DecisionBar({
  task,
  answer,
  busy,
  canSubmit,
  nudge,
  status,
  onChoose,
  onStrength,
  onAnswer,
  onSubmit,
  onSkip,
}: Props) {
  const t = useTranslations("decision");
  const q = task.questions;
  const strengthActive = q.strength && isDecisive(answer.choice);
  return (
    <section className={styles.decision} aria-label={t("region")} data-testid="decision-bar">
      <div className={styles.decisionMain}>
        {task.taskType === "pairwise" ? (
          <div className={styles.pairwise}>
            <fieldset className={styles.choices} aria-label={t("question")} data-answer-part="choice">
              <ChoiceButton choice="A" answer={answer} onChoose={onChoose} keys={["A", "←"]}>
                {t("aBetter")}
              </ChoiceButton>
              {q.allowTie ? (
                <ChoiceButton choice="tie" answer={answer} onChoose={onChoose} keys={["T"]}>
                  {t("tie")}
                </ChoiceButton>
              ) : null}
              {q.allowBothBad ? (
                <ChoiceButton choice="both_bad" answer={answer} onChoose={onChoose} keys={["X"]}>
                  {t("bothBad")}
                </ChoiceButton>
              ) : null}
              <ChoiceButton choice="B" answer={answer} onChoose={onChoose} keys={["B", "→"]}>
                {t("bBetter")}
              </ChoiceButton>
            </fieldset>
            {q.strength ? (
              <StrengthPicker
                value={answer.strength}
                active={strengthActive}
                onChange={onStrength}
                data-answer-part="strength"
              />
            ) : null}
          </div>
        ) : (
          <div data-answer-part="ranking">
            <RankingControls task={task} answer={answer} onAnswer={onAnswer} />
          </div>
        )}
      </div>
      <div className={styles.decisionActions}>
        <div className={styles.statusLine}>
          <p className={styles.nudge} id={NUDGE_ID} aria-live="polite" data-testid="nudge">
            {nudge}
          </p>
          <div className={styles.status} role="status" data-testid="status">
            {nudge ? null : status}
          </div>
        </div>
        <div className={styles.submitRow}>
          <Button variant="ghost" onClick={onSkip} disabled={busy} shortcut="S">
            {t("skip")}
          </Button>
          <Button
            variant="primary"
            size="lg"
            onClick={onSubmit}
            loading={busy}
            aria-disabled={!canSubmit}
            shortcut="⏎"
            data-testid="submit"
          >
            {t("submit")}
          </Button>
        </div>
      </div>
    </section>
  );
}

function ChoiceButton({
  choice,
  answer,
  onChoose,
  keys,
  children,
}: {
  choice: Choice;
  answer: Answer;
  onChoose: (c: Choice) => void;
  keys: string[];
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className={styles.choice}
      data-choice={choice}
      aria-pressed={answer.choice === choice}
      onClick={() => onChoose(choice)}
    >
      <span>{children}</span>
      <span className={styles.choiceKeys}>
        {keys.map((k) => (
          <Kbd key={k} hint>
            {k}
          </Kbd>
        ))}
      </span>
    </button>
  );
}
