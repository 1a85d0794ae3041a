import { Input, SelectField } from "@/components/ui";
import { capitalise, type FieldErrors } from "../form/draft";
import { AspectsEditor } from "./aspects-editor";
import type { SectionProps } from "./basics-fields";
import { FixedNote } from "./fixed-note";
import styles from "./setup.module.css";

const err = (errors: FieldErrors, key: string) => (errors[key] ? capitalise(errors[key]) : undefined);

/** What annotators are asked besides their choice; fixed once answers exist. */
export function QuestionsFields({
  draft,
  onChange,
  errors,
  fixed,
  onDuplicate,
}: SectionProps & { fixed?: string | null; onDuplicate?: () => void }) {
  const q = draft.questions;
  const set = (patch: Partial<typeof q>) => onChange({ questions: { ...q, ...patch } });
  const toggle = (key: "strength" | "allowTie" | "allowBothBad", label: string, hint: string) => (
    <label className={styles.check}>
      <input type="checkbox" checked={q[key]} onChange={(e) => set({ [key]: e.target.checked })} />
      <span>
        {label}
        <small>{hint}</small>
      </span>
    </label>
  );
  return (
    <div className={styles.fields}>
      {/* Outside the disabled fieldset, so that its button stays usable. */}
      {fixed ? <FixedNote field="questions" reason={fixed} onDuplicate={onDuplicate} /> : null}
      <fieldset className={styles.plain} disabled={Boolean(fixed)}>
        <legend className="visually-hidden">Questions</legend>
        <div className={styles.fields}>
          <div className={styles.checks}>
            {toggle("strength", "Ask how much better", "A 1–4 strength after the choice")}
            {toggle("allowTie", "Allow a tie", "Both answers are equally good")}
            {toggle("allowBothBad", "Allow “both bad”", "Neither answer is acceptable")}
          </div>
          <SelectField
            label="Rationale"
            value={q.rationale}
            onChange={(e) => set({ rationale: e.target.value as typeof q.rationale })}
            options={[
              { value: "off", label: "Off" },
              { value: "optional", label: "Optional" },
              { value: "required", label: "Required" },
            ]}
          />
          <AspectsEditor aspects={q.aspects} onChange={(aspects) => set({ aspects })} errors={errors} />
          <Input
            label="Flags"
            value={draft.flags}
            onChange={(e) => onChange({ flags: e.target.value })}
            placeholder="unsafe, off-topic"
            hint="Comma-separated labels annotators may tick on an item"
            error={Object.entries(errors).find(([k]) => k.startsWith("questions.flags"))?.[1]}
          />
          {err(errors, "questions") ? <p className={styles.error}>{err(errors, "questions")}</p> : null}
        </div>
      </fieldset>
    </div>
  );
}
