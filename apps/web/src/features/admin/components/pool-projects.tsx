import type { TPoolProject } from "@arbiter/shared";
import Link from "next/link";
import { Badge, type BadgeTone, Card, CardBody, CardHeader } from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";

const TONE: Record<TPoolProject["status"], BadgeTone> = {
  ACTIVE: "success",
  PAUSED: "warning",
  ARCHIVED: "neutral",
};

/** The projects this pool's members may annotate (the active ones show in their list). */
export function PoolProjects({ projects }: { projects: TPoolProject[] }) {
  return (
    <Card>
      <CardHeader
        title="Projects"
        description="Members see the active ones in their list. Researchers attach pools in a project's settings."
      />
      {projects.length === 0 ? (
        <CardBody>
          <p style={{ margin: 0, color: "var(--text-muted)" }}>No project uses this pool yet.</p>
        </CardBody>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={tableStyles.table}>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} data-testid="pool-project">
                  <td>
                    <Link href={`/projects/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>
                    <Badge tone={TONE[p.status]}>{p.status[0] + p.status.slice(1).toLowerCase()}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
