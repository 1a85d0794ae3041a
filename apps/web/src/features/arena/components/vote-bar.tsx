import { useTranslations } from "next-intl";
import { Button, Kbd } from "@/components/ui";
import type { VoteChoice } from "../hooks/use-battle";
import styles from "./arena.module.css";

const CHOICES: { choice: VoteChoice; keys: string[]; label: "aBetter" | "tie" | "bothBad" | "bBetter" }[] = [
  { choice: "A", keys: ["A", "←"], label: "aBetter" },
  { choice: "tie", keys: ["T"], label: "tie" },
  { choice: "both_bad", keys: ["X"], label: "bothBad" },
  { choice: "B", keys: ["B", "→"], label: "bBetter" },
];

/** The vote, with the labeling page's keys: A/← and B/→, T tie, X both bad, Enter to send. */
export function VoteBar({
  choice,
  allowTie,
  allowBothBad,
  busy,
  onChoose,
  onVote,
}: {
  choice: VoteChoice | null;
  allowTie: boolean;
  allowBothBad: boolean;
  busy: boolean;
  onChoose: (c: VoteChoice) => void;
  onVote: () => void;
}) {
  const t = useTranslations("arena");
  const shown = CHOICES.filter(
    (c) => (c.choice !== "tie" || allowTie) && (c.choice !== "both_bad" || allowBothBad),
  );
  return (
    <section className={styles.vote} aria-label={t("voteRegion")} data-testid="vote-bar">
      <fieldset className={styles.choices} aria-label={t("voteQuestion")}>
        <legend className={styles.voteLegend}>{t("voteQuestion")}</legend>
        {shown.map((c) => (
          <button
            key={c.choice}
            type="button"
            className={styles.choice}
            data-choice={c.choice}
            aria-pressed={choice === c.choice}
            onClick={() => onChoose(c.choice)}
          >
            <span>{t(c.label)}</span>
            <span className={styles.choiceKeys}>
              {c.keys.map((k) => (
                <Kbd key={k} hint>
                  {k}
                </Kbd>
              ))}
            </span>
          </button>
        ))}
      </fieldset>
      <Button
        variant="primary"
        size="lg"
        onClick={onVote}
        loading={busy}
        aria-disabled={!choice}
        shortcut="⏎"
        data-testid="vote"
      >
        {t("vote")}
      </Button>
    </section>
  );
}
