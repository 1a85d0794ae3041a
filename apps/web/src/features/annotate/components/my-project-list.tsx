import type { TMyProject } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { Badge, ButtonLink, EmptyState, ProgressBar } from "@/components/ui";
import styles from "./my-project-list.module.css";

const bold = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export function MyProjectList({ projects }: { projects: TMyProject[] }) {
  const t = useTranslations("projects");
  if (projects.length === 0) {
    return (
      <EmptyState icon="✓" title={t("emptyTitle")}>
        {t("emptyText")}
      </EmptyState>
    );
  }
  return (
    <ul className={styles.grid}>
      {projects.map((p) => {
        if (p.mode === "arena") return <ArenaCard key={p.id} project={p} />;
        const total = p.judgedByMe + p.available;
        const done = p.available === 0;
        return (
          <li key={p.id} className={styles.card} data-testid="my-project">
            <div className={styles.top}>
              <h2 className={styles.name}>{p.name}</h2>
              <Badge tone={p.taskType === "pairwise" ? "accent" : "warning"}>
                {p.taskType === "pairwise" ? t("pairwise") : t("ranking", { count: p.optionsPerItem })}
              </Badge>
            </div>
            <p className={styles.summary}>{summaryOf(p.guidelines) || t("noGuidelines")}</p>
            <div className={styles.progress}>
              <div className={styles.counts}>
                <span>{t.rich("judged", { count: p.judgedByMe, b: bold })}</span>
                <span>{t.rich("left", { count: p.available, b: bold })}</span>
              </div>
              <ProgressBar value={p.judgedByMe} max={total} label={t("progressLabel", { name: p.name })} />
            </div>
            <div className={styles.actions}>
              {done ? (
                <span className={styles.done}>{t("allDone")}</span>
              ) : (
                <ButtonLink href={`/annotate/${p.id}`} variant="primary">
                  {p.judgedByMe > 0 ? t("continue") : t("start")}
                  {/* Every card has a Start link: its name says which project it opens. */}
                  <span className="visually-hidden">: {p.name}</span>
                </ButtonLink>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** An arena has no queue to work through: its card opens the arena, and counts the votes cast. */
function ArenaCard({ project: p }: { project: TMyProject }) {
  const t = useTranslations("projects");
  const ta = useTranslations("arena");
  return (
    <li className={styles.card} data-testid="my-project" data-mode="arena">
      <div className={styles.top}>
        <h2 className={styles.name}>{p.name}</h2>
        <Badge tone="accent">{ta("badge")}</Badge>
      </div>
      <p className={styles.summary}>{summaryOf(p.guidelines) || t("noGuidelines")}</p>
      <div className={styles.progress}>
        <div className={styles.counts}>
          <span>{ta.rich("battles", { count: p.judgedByMe, b: bold })}</span>
        </div>
      </div>
      <div className={styles.actions}>
        <ButtonLink href={`/arena/${p.id}`} variant="primary">
          {ta("open")}
          <span className="visually-hidden">: {p.name}</span>
        </ButtonLink>
      </div>
    </li>
  );
}

/** The first plain sentence of the guidelines, as a teaser; empty when there are none. */
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
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
