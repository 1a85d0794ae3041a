import type { TQualityRules } from "@arbiter/shared";
import { Input } from "@/components/ui";
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
          label="Judgments per item"
          name="judgmentsPerItem"
          type="number"
          min={1}
          max={50}
          value={draft.judgmentsPerItem}
          onChange={(e) => onChange({ judgmentsPerItem: e.target.value })}
          error={err("judgmentsPerItem")}
          hint="How many annotators judge each item (overlap)"
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
        <legend>Gold and quality control</legend>
        <div className={styles.grid3}>
          <QualityRuleFields goldRate={goldRate} quality={quality} errorOf={qualityErrorOf(errors)} />
        </div>
      </fieldset>
    </div>
  );
}
