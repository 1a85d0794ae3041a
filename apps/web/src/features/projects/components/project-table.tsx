import type { TProject } from "@arbiter/shared";
import Link from "next/link";
import { Badge, ButtonLink, EmptyState, ProgressBar } from "@/components/ui";
import { StatusBadge, taskLabel } from "./project-labels";
import styles from "./projects.module.css";

export function ProjectTable({ projects }: { projects: TProject[] }) {
  if (projects.length === 0) {
    return (
      <EmptyState
        title="No projects yet"
        action={
          <ButtonLink href="/projects/new" variant="primary">
            New project
          </ButtonLink>
        }
      >
        Start a collection with the project wizard, or through the API (<code>POST /api/v1/projects</code>).
      </EmptyState>
    );
  }
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Status</th>
            <th scope="col">Task</th>
            <th scope="col" className={styles.num}>
              Items
            </th>
            <th scope="col" className={styles.num}>
              Judgments
            </th>
            <th scope="col" className={styles.progressCol}>
              Complete
            </th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-testid="project-row">
              <td>
                <Link href={`/projects/${p.id}`} className={styles.name}>
                  {p.name}
                </Link>
                <div className={styles.slug}>{p.slug}</div>
              </td>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td>
                <Badge>{taskLabel(p)}</Badge>
              </td>
              <td className={styles.num}>{p.counts.items.toLocaleString("en")}</td>
              <td className={styles.num}>{p.counts.judgments.toLocaleString("en")}</td>
              <td className={styles.progressCol}>
                <div className={styles.progressCell}>
                  <ProgressBar
                    value={p.counts.completeItems}
                    max={p.counts.items}
                    label={`${p.name} complete`}
                  />
                  <span>{percent(p.counts.completeItems, p.counts.items)}</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : "—";
}
