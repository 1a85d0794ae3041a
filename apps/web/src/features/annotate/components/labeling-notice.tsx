import type { TProgress } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import textStyles from "@/components/ui/text.module.css";
// The one import from another feature: a crowd participant's completion card belongs to
// the join flow, which shows it too; the labeling page shows it when their quota is met.
import { CompletionCard } from "@/features/join/completion-card";
import styles from "./labeling.module.css";

/**
 * What the labeling page says above the work when the annotator's part is over: a crowd
 * participant's completion code, or their standing with quality control. The reason stays
 * with staff (telling annotators what was measured would teach gaming it).
 */
export function LabelingNotice({ progress }: { progress: TProgress }) {
  const t = useTranslations("notices");
  const crowd = progress.crowd;
  if (crowd && crowd.completionCode !== null)
    return <CompletionCard code={crowd.completionCode} redirectUrl={crowd.redirectUrl} />;
  const standing =
    progress.standing === "REJECTED" || progress.standing === "QUARANTINED" ? progress.standing : null;
  if (!standing) return null;
  const key = standing === "REJECTED" ? "rejected" : "quarantined";
  return (
    <section
      className={styles.standing}
      data-testid={`standing-${standing.toLowerCase()}`}
      aria-live="polite"
    >
      <div>
        <h2>{t(`${key}Title`)}</h2>
        <p className={textStyles.muted}>{t(`${key}Text`)}</p>
      </div>
    </section>
  );
}
