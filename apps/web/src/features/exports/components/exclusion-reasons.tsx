import { count } from "@/components/ui";
import type { Explanation, Reason } from "../reasons";
import styles from "./exports.module.css";

/** What the export leaves out and why, so an empty or small result always has its reason beside it. */
export function ExclusionReasons({ explanation }: { explanation: Explanation }) {
  const { headline, judgments, items } = explanation;
  if (!headline && judgments.length === 0 && items.length === 0) return null;
  return (
    <section className={styles.reasons} aria-labelledby="excluded-title" data-testid="exclusion-reasons">
      {headline ? (
        <p className={styles.reasonHeadline} data-testid="zero-rows-reason">
          {headline}
        </p>
      ) : null}
      <h3 id="excluded-title" className={styles.reasonsTitle}>
        Left out
      </h3>
      <ReasonList reasons={judgments} unit="judgment" />
      {items.length ? <ReasonList reasons={items} unit="item" /> : null}
    </section>
  );
}

function ReasonList({ reasons, unit }: { reasons: Reason[]; unit: "judgment" | "item" }) {
  return (
    <ul className={styles.reasonList}>
      {reasons.map((r) => (
        <li key={r.key} className={styles.reason} data-reason={`${unit}:${r.key}`}>
          <span className={styles.reasonLabel}>{r.label}</span>
          <span className={styles.reasonText}>
            <strong>
              {count(r.count)} {unit}
              {r.count === 1 ? "" : "s"}
            </strong>{" "}
            {r.sentence}
          </span>
        </li>
      ))}
    </ul>
  );
}
