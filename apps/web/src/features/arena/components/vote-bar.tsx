import type { TMyProject } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button, Kbd } from "@/components/ui";
import { StrengthPicker } from "@/features/annotate/components/strength-picker";
import type { VoteChoice } from "../hooks/use-battle";
import styles from "./arena.module.css";

const CHOICES: { choice: VoteChoice; keys: string[]; label: "aBetter" | "tie" | "bothBad" | "bBetter" }[] = [
  { choice: "A", keys: ["A", "←"], label: "aBetter" },
  { choice: "tie", keys: ["T"], label: "tie" },
  { choice: "both_bad", keys: ["X"], label: "bothBad" },
  { choice: "B", keys: ["B", "→"], label: "bBetter" },
];

/**
 * The vote, with the labeling page's keys: A/← and B/→, T tie, X both bad, 1–4 how much
 * better (where the project asks), Enter to send. A rationale, where the project asks for one,
 * sits above the pinned bar so the bar stays small on a phone.
 */
export function VoteBar({
  choice,
  strength,
  rationale,
  settings,
  ready,
  busy,
  onChoose,
  onStrength,
  onRationale,
  onVote,
}: {
  choice: VoteChoice | null;
  strength: number | null;
  rationale: string;
  settings: NonNullable<TMyProject["arena"]>;
  /** Everything the project asks for is given. */
  ready: boolean;
  busy: boolean;
  onChoose: (c: VoteChoice) => void;
  onStrength: (s: number) => void;
  onRationale: (text: string) => void;
  onVote: () => void;
}) {
  const t = useTranslations("arena");
  const te = useTranslations("extras");
  const rationaleId = useId();
  const decisive = choice === "A" || choice === "B";
  const shown = CHOICES.filter(
    (c) => (c.choice !== "tie" || settings.allowTie) && (c.choice !== "both_bad" || settings.allowBothBad),
  );
  const rationaleField =
    settings.rationale !== "off" ? (
      <div className={styles.rationale}>
        <label htmlFor={rationaleId} className={styles.composerLabel}>
          {te("rationale")} {settings.rationale === "required" ? `(${te("required")})` : te("optional")}
        </label>
        <textarea
          id={rationaleId}
          className={styles.composerInput}
          rows={2}
          value={rationale}
          placeholder={te("placeholder")}
          required={settings.rationale === "required"}
          onChange={(e) => onRationale(e.target.value)}
        />
      </div>
    ) : null;
  return (
    <>
      {rationaleField}
      <section className={styles.vote} aria-label={t("voteRegion")} data-testid="vote-bar">
        <div className={styles.voteMain}>
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
          {settings.strength ? (
            <StrengthPicker value={strength} active={decisive} onChange={onStrength} />
          ) : null}
        </div>
        <Button
          variant="primary"
          size="lg"
          onClick={onVote}
          loading={busy}
          aria-disabled={!ready}
          shortcut="⏎"
          data-testid="vote"
        >
          {t("vote")}
        </Button>
      </section>
    </>
  );
}
