import { Input, SelectField } from "@/components/ui";
import { capitalise, type FieldErrors, type ProjectDraft } from "../form/draft";
import { FixedNote } from "./fixed-note";
import { type Choice, RadioCards } from "./radio-cards";
import styles from "./setup.module.css";

export type SectionProps = {
  draft: ProjectDraft;
  onChange: (patch: Partial<ProjectDraft>) => void;
  errors: FieldErrors;
};

const MODES: Choice<ProjectDraft["mode"]>[] = [
  {
    value: "standard",
    label: "Compare prepared completions",
    hint: "Import or generate answers beforehand; annotators judge them item by item",
  },
  {
    value: "arena",
    label: "Live arena",
    hint: "Annotators write a prompt and vote as two anonymous models answer it live",
  },
];

const err = (errors: FieldErrors, key: string) => (errors[key] ? capitalise(errors[key]) : undefined);

export function BasicsFields({
  draft,
  onChange,
  errors,
  fixed,
  modeFixed,
  onDuplicate,
}: SectionProps & { fixed?: string | null; modeFixed?: string | null; onDuplicate?: () => void }) {
  const arena = draft.mode === "arena";
  return (
    <div className={styles.fields}>
      <Input
        label="Project name"
        name="name"
        value={draft.name}
        onChange={(e) => onChange({ name: e.target.value })}
        maxLength={200}
        required
        error={err(errors, "name")}
        hint="Annotators see it in their project list"
      />
      {/* Outside the disabled fieldsets, so that their button stays usable. */}
      {modeFixed ? (
        <FixedNote
          field="mode"
          reason={modeFixed}
          // Both are fixed by the same items: one note, not two.
          subject={fixed && !arena ? "The mode, the task type and K are" : undefined}
          onDuplicate={onDuplicate}
        />
      ) : null}
      <fieldset className={styles.plain} disabled={Boolean(modeFixed)} data-testid="mode-choice">
        <legend className="visually-hidden">Mode</legend>
        <RadioCards
          legend="What annotators compare"
          name="mode"
          choices={MODES}
          value={draft.mode}
          // An arena battle is always two models side by side.
          onChange={(mode) =>
            onChange(mode === "arena" ? { mode, taskType: "pairwise", optionsPerItem: 2 } : { mode })
          }
          className={styles.choices}
        />
        {err(errors, "mode") ? <p className={styles.error}>{err(errors, "mode")}</p> : null}
      </fieldset>
      {fixed && !arena && !modeFixed ? (
        <FixedNote field="taskType" reason={fixed} onDuplicate={onDuplicate} />
      ) : null}
      <fieldset className={styles.group} disabled={Boolean(fixed) || arena}>
        <legend>Task</legend>
        <div className={styles.pair}>
          <SelectField
            label="Comparison"
            name="taskType"
            value={draft.taskType}
            onChange={(e) => {
              const taskType = e.target.value as ProjectDraft["taskType"];
              onChange({
                taskType,
                optionsPerItem: taskType === "pairwise" ? 2 : Math.max(draft.optionsPerItem, 4),
              });
            }}
            options={[
              { value: "pairwise", label: "Pairwise: which of two is better" },
              { value: "ranking", label: "K-wise: rank K answers" },
            ]}
          />
          <Input
            label="Answers per item (K)"
            name="optionsPerItem"
            type="number"
            min={draft.taskType === "pairwise" ? 2 : 3}
            max={draft.taskType === "pairwise" ? 2 : 9}
            value={draft.optionsPerItem}
            disabled={draft.taskType === "pairwise"}
            onChange={(e) => onChange({ optionsPerItem: Number(e.target.value) })}
            error={err(errors, "optionsPerItem") ?? err(errors, "taskType")}
            hint={
              arena
                ? "An arena battle is always two models, pairwise"
                : draft.taskType === "pairwise"
                  ? "Always 2 for pairwise"
                  : "3 to 9"
            }
          />
        </div>
      </fieldset>
    </div>
  );
}
