import type { TQualityRules, TSelection } from "@arbiter/shared";
import { Input, SelectField } from "@/components/ui";
import { QualityRuleFields } from "@/features/quality/components/quality-rule-fields";
import { capitalise, qualityErrorOf } from "../form/draft";
import type { SectionProps } from "./basics-fields";
import styles from "./setup.module.css";

/** How items are collected: overlap, lease, and the gold and quality rules of the quality page. */
export function CollectionFields({
  draft,
  onChange,
  errors,
  goldRate,
  quality,
}: SectionProps & { goldRate: number; quality: TQualityRules }) {
  const err = (key: string) => (errors[key] ? capitalise(errors[key]) : undefined);
  return (
    <div className={styles.fields}>
      <div className={styles.pair}>
        <Input
          label={draft.dynamicOverlap ? "Judgments per item, at most" : "Judgments per item"}
          name="judgmentsPerItem"
          type="number"
          min={1}
          max={50}
          value={draft.judgmentsPerItem}
          onChange={(e) => onChange({ judgmentsPerItem: e.target.value })}
          error={err("judgmentsPerItem") ?? err("overlap.max")}
          hint={
            draft.dynamicOverlap
              ? "No item gets more judgments than this"
              : "How many annotators judge each item (overlap)"
          }
        />
        <Input
          label="Lease (minutes)"
          name="leaseMinutes"
          type="number"
          min={0.5}
          max={1440}
          step="any"
          value={draft.leaseMinutes}
          onChange={(e) => onChange({ leaseMinutes: e.target.value })}
          error={err("leaseSeconds")}
          hint="An item held longer goes back to the queue"
        />
      </div>
      <fieldset className={styles.group}>
        <legend>Adaptive collection</legend>
        <label className={styles.check}>
          <input
            type="checkbox"
            name="dynamicOverlap"
            checked={draft.dynamicOverlap}
            onChange={(e) => onChange({ dynamicOverlap: e.target.checked })}
          />
          <span>
            Dynamic overlap
            <small>Ask more annotators only while an item's answer is uncertain</small>
          </span>
        </label>
        {draft.dynamicOverlap ? (
          <div className={styles.pair}>
            <Input
              label="Judgments per item, at least"
              name="overlapMin"
              type="number"
              min={1}
              max={50}
              value={draft.overlapMin}
              onChange={(e) => onChange({ overlapMin: e.target.value })}
              error={err("overlap.min")}
              hint="Every item gets this many"
            />
            <Input
              label="Target confidence"
              name="overlapTarget"
              type="number"
              min={0.51}
              max={0.999}
              step="any"
              value={draft.overlapTarget}
              onChange={(e) => onChange({ overlapTarget: e.target.value })}
              error={err("overlap.target")}
              hint="An item is done once its leading answer is this probable (0.5–0.999)"
            />
          </div>
        ) : null}
        <div className={styles.pair}>
          <SelectField
            label="Next item"
            name="selection"
            value={draft.selection}
            onChange={(e) => onChange({ selection: e.target.value as TSelection })}
            options={[
              { value: "uniform", label: "In order (uniform)" },
              { value: "label-confidence", label: "Where a label is least certain" },
              { value: "leaderboard", label: "Where the leaderboard is least certain" },
            ]}
          />
          <Input
            label="Consistency repeats"
            name="repeatShare"
            type="number"
            min={0}
            max={0.5}
            step="any"
            value={draft.repeatShare}
            onChange={(e) => onChange({ repeatShare: e.target.value })}
            error={err("repeats.share")}
            hint="Share of items shown again later, swapped (0–0.5); not counted"
          />
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Gold and quality control</legend>
        <div className={styles.grid3}>
          <QualityRuleFields goldRate={goldRate} quality={quality} errorOf={qualityErrorOf(errors)} />
        </div>
      </fieldset>
    </div>
  );
}
