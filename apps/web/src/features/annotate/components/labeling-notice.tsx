import type { TProgress } from "@arbiter/shared";
import textStyles from "@/components/ui/text.module.css";
// The one import from another feature: a crowd participant's completion card belongs to
// the join flow, which shows it too; the labeling page shows it when their quota is met.
import { CompletionCard } from "@/features/join/completion-card";
import styles from "./labeling.module.css";

const STANDING: Record<"REJECTED" | "QUARANTINED", { title: string; text: string }> = {
  REJECTED: {
    title: "Thanks - you did not meet the qualification bar for this project",
    text: "We appreciate the time you gave. No further items will be shown to you here.",
  },
  QUARANTINED: {
    title: "Your work on this project is paused",
    text: "Thank you for your answers so far. An administrator is reviewing this project's work; no new items will be shown to you here until then.",
  },
};

/**
 * What the labeling page says above the work when the annotator's part is over: a crowd
 * participant's completion code, or their standing with quality control. The reason stays
 * with staff (telling annotators what was measured would teach gaming it).
 */
export function LabelingNotice({ progress }: { progress: TProgress }) {
  const crowd = progress.crowd;
  if (crowd && crowd.completionCode !== null)
    return <CompletionCard code={crowd.completionCode} redirectUrl={crowd.redirectUrl} />;
  const standing =
    progress.standing === "REJECTED" || progress.standing === "QUARANTINED" ? progress.standing : null;
  if (!standing) return null;
  const { title, text } = STANDING[standing];
  return (
    <section
      className={styles.standing}
      data-testid={`standing-${standing.toLowerCase()}`}
      aria-live="polite"
    >
      <div>
        <h2>{title}</h2>
        <p className={textStyles.muted}>{text}</p>
      </div>
    </section>
  );
}
