import { Input, SelectField } from "@/components/ui";
import { capitalise, type FieldErrors, type ProjectDraft } from "../form/draft";
import { FixedNote } from "./fixed-note";
import styles from "./setup.module.css";

export type SectionProps = {
  draft: ProjectDraft;
  onChange: (patch: Partial<ProjectDraft>) => void;
  errors: FieldErrors;
};

const err = (errors: FieldErrors, key: string) => (errors[key] ? capitalise(errors[key]) : undefined);

export function BasicsFields({
  draft,
  onChange,
  errors,
  fixed,
  onDuplicate,
}: SectionProps & { fixed?: string | null; onDuplicate?: () => void }) {
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
      {/* Outside the disabled fieldset, so that its button stays usable. */}
      {fixed ? <FixedNote field="taskType" reason={fixed} onDuplicate={onDuplicate} /> : null}
      <fieldset className={styles.group} disabled={Boolean(fixed)}>
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
            hint={draft.taskType === "pairwise" ? "Always 2 for pairwise" : "3 to 9"}
          />
        </div>
      </fieldset>
    </div>
  );
}
