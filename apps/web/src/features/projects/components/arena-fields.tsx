import { DEFAULT_SCREENING_PATTERNS } from "@arbiter/shared";
import Link from "next/link";
import { Input } from "@/components/ui";
import { type ArenaDraft, capitalise } from "../form/draft";
import type { SectionProps } from "./basics-fields";
import { PhraseList } from "./phrase-list";
import { type Choice, RadioCards } from "./radio-cards";
import styles from "./setup.module.css";

const PROMPT_SOURCES: Choice<ArenaDraft["promptSource"]>[] = [
  {
    value: "annotator",
    label: "Annotators write it",
    hint: "Each battle opens with a message the annotator writes",
  },
  {
    value: "prompt-set",
    label: "From the project's prompts",
    hint: "One of the imported prompts is drawn at random for each battle",
  },
];

const SCREENING_ACTIONS: Choice<ArenaDraft["screeningAction"]>[] = [
  {
    value: "hide",
    label: "Hide from results",
    hint: "The vote is kept, but the turn is left out of the statistics and leaderboard",
  },
  {
    value: "mask",
    label: "Mask the name",
    hint: "Each phrase is shown to the annotator as “[name withheld]”; the stored answer is unchanged",
  },
  { value: "keep", label: "Keep", hint: "The answer is only flagged, in the data and the exports" },
];

type LimitKey = keyof ArenaDraft["limits"];

const LIMITS: { key: LimitKey; label: string; max: number; hint: string }[] = [
  {
    key: "promptChars",
    label: "Message length (characters)",
    max: 100_000,
    hint: "Longest user message, each turn",
  },
  {
    key: "maxTokensPerTurn",
    label: "Answer length (tokens)",
    max: 32_768,
    hint: "max_tokens of each answer; a generator's own lower limit wins",
  },
  { key: "maxTurns", label: "Turns per battle", max: 50, hint: "1 to 50; each turn is voted on" },
  {
    key: "battlesPerHour",
    label: "Battles per hour",
    max: 10_000,
    hint: "Per annotator, over the last hour",
  },
  {
    key: "battlesPerDay",
    label: "Battles per day",
    max: 100_000,
    hint: "Per annotator, over the last 24 hours",
  },
];

/**
 * The arena's settings: where prompts come from, the reveal, the abuse and cost limits,
 * blindness screening and moderation. Error keys are the API's (`arena.limits.maxTurns`).
 */
export function ArenaFields({
  draft,
  onChange,
  errors,
  projectId,
  generatorCount = null,
}: SectionProps & { projectId?: string; generatorCount?: number | null }) {
  const a = draft.arena;
  const set = (patch: Partial<ArenaDraft>) => onChange({ arena: { ...a, ...patch } });
  const err = (key: string) => {
    const e = errors[`arena.${key}`];
    return e ? capitalise(e) : undefined;
  };
  const prefixed = (prefix: string) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([k]) => k.startsWith(`arena.${prefix}`))
        .map(([k, v]) => [k.slice("arena.".length), v]),
    );
  return (
    <div className={styles.fields} data-testid="arena-fields">
      <div
        className={styles.linkRow}
        data-state={generatorCount !== null && generatorCount < 2 ? "short" : undefined}
        data-testid="arena-generators"
      >
        <p>
          Each battle draws two of this project's generators at random, so the arena needs at least two.
          {generatorCount === null ? null : (
            <>
              {" "}
              <strong>
                {generatorCount === 0
                  ? "It has none yet."
                  : generatorCount === 1
                    ? "It has one so far."
                    : `It has ${generatorCount}.`}
              </strong>
            </>
          )}
        </p>
        {projectId ? <Link href={`/projects/${projectId}/generators`}>Manage generators →</Link> : null}
      </div>

      <RadioCards
        legend="First message"
        name="promptSource"
        choices={PROMPT_SOURCES}
        value={a.promptSource}
        onChange={(promptSource) => set({ promptSource })}
        className={styles.choices}
      />
      <label className={styles.check}>
        <input
          type="checkbox"
          name="revealModels"
          checked={a.revealModels}
          onChange={(e) => set({ revealModels: e.target.checked })}
        />
        <span>
          Reveal the models after the vote
          <small>When the annotator ends a battle, both models' names are shown</small>
        </span>
      </label>

      <fieldset className={`${styles.group} ${styles.subsection}`}>
        <legend>Limits</legend>
        <div className={styles.grid3}>
          {LIMITS.map((l) => (
            <Input
              key={l.key}
              label={l.label}
              name={`arena.limits.${l.key}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={l.max}
              step={1}
              value={a.limits[l.key]}
              onChange={(e) => set({ limits: { ...a.limits, [l.key]: e.target.value } })}
              error={err(`limits.${l.key}`)}
              hint={l.hint}
            />
          ))}
          <div className={styles.budgetRow}>
            <Input
              label="Token budget (tokens)"
              name="arena.limits.tokenBudget"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={a.unlimitedBudget ? "" : a.tokenBudget}
              placeholder={a.unlimitedBudget ? "No limit" : undefined}
              disabled={a.unlimitedBudget}
              onChange={(e) => set({ tokenBudget: e.target.value })}
              error={err("limits.tokenBudget")}
              hint="Prompt and answer tokens of all the project's battles"
            />
            <label className={styles.inlineCheck}>
              <input
                type="checkbox"
                checked={a.unlimitedBudget}
                onChange={(e) => set({ unlimitedBudget: e.target.checked })}
              />
              No limit
            </label>
          </div>
        </div>
      </fieldset>

      <fieldset className={`${styles.group} ${styles.subsection}`}>
        <legend>Blindness screening</legend>
        <p className={styles.groupHint}>
          Answers that say who made them are flagged before the annotator sees them.
        </p>
        <PhraseList
          label="Screening phrases"
          addLabel="Add a screening phrase"
          hint="Model and vendor names, and phrases such as “As an AI developed by”."
          phrases={a.screeningPatterns}
          onChange={(screeningPatterns) => set({ screeningPatterns })}
          errors={prefixed("screening.patterns")}
          path="screening.patterns"
          defaults={DEFAULT_SCREENING_PATTERNS}
          empty="No phrases: no answer is flagged."
        />
        <RadioCards
          legend="A flagged answer"
          name="screeningAction"
          choices={SCREENING_ACTIONS}
          value={a.screeningAction}
          onChange={(screeningAction) => set({ screeningAction })}
          className={styles.choices3}
        />
      </fieldset>

      <fieldset className={`${styles.group} ${styles.subsection}`}>
        <legend>Moderation</legend>
        <p className={styles.groupHint}>Checked before a message is sent to the models.</p>
        <PhraseList
          label="Refused phrases"
          addLabel="Add a refused phrase"
          hint="A message containing one of these is refused, and the annotator is told so."
          phrases={a.moderationPatterns}
          onChange={(moderationPatterns) => set({ moderationPatterns })}
          errors={prefixed("moderation.patterns")}
          path="moderation.patterns"
          empty="No phrases: no message is refused for its words."
        />
        <Input
          label="Moderation endpoint (optional)"
          name="arena.moderation.endpointUrl"
          type="url"
          inputMode="url"
          placeholder="https://moderation.example.com/v1/moderations"
          value={a.endpointUrl}
          onChange={(e) => set({ endpointUrl: e.target.value })}
          error={err("moderation.endpointUrl")}
          hint="An OpenAI-compatible moderation API the worker asks before each turn; a flagged message, or an endpoint it cannot reach, ends the turn"
        />
      </fieldset>
    </div>
  );
}
