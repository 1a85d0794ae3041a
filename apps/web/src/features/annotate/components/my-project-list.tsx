import type { TMyProject } from "@arbiter/shared";
import { Badge, ButtonLink, EmptyState, ProgressBar } from "@/components/ui";
import styles from "./my-project-list.module.css";

export function MyProjectList({ projects }: { projects: TMyProject[] }) {
  if (projects.length === 0) {
    return (
      <EmptyState icon="✓" title="No projects yet">
        You have not been added to a project. When a researcher opens one to your pool, it appears here.
      </EmptyState>
    );
  }
  return (
    <ul className={styles.grid}>
      {projects.map((p) => {
        const total = p.judgedByMe + p.available;
        const done = p.available === 0;
        return (
          <li key={p.id} className={styles.card} data-testid="my-project">
            <div className={styles.top}>
              <h2 className={styles.name}>{p.name}</h2>
              <Badge tone={p.taskType === "pairwise" ? "accent" : "warning"}>
                {p.taskType === "pairwise" ? "Pairwise" : `Ranking · ${p.optionsPerItem}`}
              </Badge>
            </div>
            <p className={styles.summary}>{summaryOf(p.guidelines)}</p>
            <div className={styles.progress}>
              <div className={styles.counts}>
                <span>
                  <strong>{p.judgedByMe}</strong> judged
                </span>
                <span>
                  <strong>{p.available}</strong> left
                </span>
              </div>
              <ProgressBar value={p.judgedByMe} max={total} label={`${p.name}: your progress`} />
            </div>
            <div className={styles.actions}>
              {done ? (
                <span className={styles.done}>All done for now</span>
              ) : (
                <ButtonLink href={`/annotate/${p.id}`} variant="primary">
                  {p.judgedByMe > 0 ? "Continue" : "Start"}
                </ButtonLink>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The first plain sentence of the guidelines, as a teaser. */
function summaryOf(guidelines: string): string {
  const text = guidelines
    .split("\n")
    .map((l) =>
      l
        .replace(/^[#>*\-\s]+/, "")
        .replace(/[*_`]/g, "")
        .trim(),
    )
    .filter(Boolean)
    .slice(0, 2)
    .join(" — ");
  return text.length > 160 ? `${text.slice(0, 157)}…` : text || "No guidelines written yet.";
}
