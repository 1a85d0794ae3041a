import { Button, Kbd } from "@/components/ui";
import { type Answer, type Choice, isDecisive, STRENGTHS, type Task } from "../answer";
import styles from "./labeling.module.css";
import { RankingControls } from "./ranking-controls";

type Props = {
  task: Task;
  answer: Answer;
  busy: boolean;
  canSubmit: boolean;
  nudge: string | null;
  onChoose: (choice: Choice) => void;
  onStrength: (value: number) => void;
  onAnswer: (answer: Answer) => void;
  onSubmit: () => void;
  onSkip: () => void;
};

/** The answer controls: choice and strength (pairwise) or the ranking, then Skip/Submit. */
export function DecisionBar({
  task,
  answer,
  busy,
  canSubmit,
  nudge,
  onChoose,
  onStrength,
  onAnswer,
  onSubmit,
  onSkip,
}: Props) {
  const q = task.questions;
  const strengthActive = q.strength && isDecisive(answer.choice);
  return (
    <section className={styles.decision} aria-label="Your answer">
      <div className={styles.decisionMain}>
        {task.taskType === "pairwise" ? (
          <div className={styles.pairwise}>
            <fieldset className={styles.choices} aria-label="Which response is better?">
              <ChoiceButton choice="A" answer={answer} onChoose={onChoose} keys={["A", "←"]}>
                A is better
              </ChoiceButton>
              {q.allowTie ? (
                <ChoiceButton choice="tie" answer={answer} onChoose={onChoose} keys={["T"]}>
                  Tie
                </ChoiceButton>
              ) : null}
              {q.allowBothBad ? (
                <ChoiceButton choice="both_bad" answer={answer} onChoose={onChoose} keys={["X"]}>
                  Both bad
                </ChoiceButton>
              ) : null}
              <ChoiceButton choice="B" answer={answer} onChoose={onChoose} keys={["B", "→"]}>
                B is better
              </ChoiceButton>
            </fieldset>
            {q.strength ? (
              <fieldset
                className={styles.strength}
                aria-label="How much better?"
                data-active={strengthActive}
              >
                <span className={styles.strengthLabel}>How much better?</span>
                {STRENGTHS.map((s) => (
                  <button
                    key={s.value}
                    type="button"
                    className={styles.strengthButton}
                    aria-pressed={answer.strength === s.value}
                    disabled={!strengthActive}
                    onClick={() => onStrength(s.value)}
                  >
                    <Kbd>{s.value}</Kbd>
                    {s.label}
                  </button>
                ))}
              </fieldset>
            ) : null}
          </div>
        ) : (
          <RankingControls task={task} answer={answer} onAnswer={onAnswer} />
        )}
      </div>
      <div className={styles.decisionActions}>
        <p className={styles.nudge} aria-live="polite">
          {nudge}
        </p>
        <div className={styles.submitRow}>
          <Button variant="ghost" onClick={onSkip} disabled={busy} shortcut="S">
            Skip
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
            Submit
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
          <Kbd key={k}>{k}</Kbd>
        ))}
      </span>
    </button>
  );
}
