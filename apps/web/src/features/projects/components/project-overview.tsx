import type { TProject } from "@arbiter/shared";
import { ButtonLink, Card, CardBody, CardHeader, PageHeader, ProgressBar } from "@/components/ui";
import { ServerMarkdown } from "@/components/ui/markdown-server";
import { ProjectActions } from "./project-actions";
import { StatusBadge, taskLabel } from "./project-labels";
import { percent } from "./project-table";
import styles from "./projects.module.css";

export function ProjectOverview({ project: p }: { project: TProject }) {
  const q = p.questions;
  const settings: [string, string][] = [
    ["Task", taskLabel(p)],
    [
      "Judgments per item",
      p.overlap
        ? `${p.overlap.min}–${p.overlap.max}, until ${Math.round(p.overlap.target * 1000) / 10}% confident`
        : String(p.judgmentsPerItem),
    ],
    [
      "Next item",
      {
        uniform: "In order",
        "label-confidence": "Least certain label",
        leaderboard: "Least certain leaderboard",
      }[p.selection],
    ],
    ["Consistency repeats", p.repeats.share ? `${Math.round(p.repeats.share * 100)}% of items` : "Off"],
    ["Lease", `${Math.round(p.leaseSeconds / 60)} min`],
    ["Strength scale", q.strength ? "Asked (1–4)" : "Off"],
    ["Tie / both bad", `${q.allowTie ? "Tie" : "No tie"} · ${q.allowBothBad ? "Both bad" : "No both bad"}`],
    ["Rationale", q.rationale[0]!.toUpperCase() + q.rationale.slice(1)],
    ["Aspects", q.aspects.length ? q.aspects.map((a) => `${a.label} (1–${a.scale})`).join(", ") : "None"],
    ["Flags", q.flags.length ? q.flags.join(", ") : "None"],
    ["Gold rate", `${Math.round(p.goldRate * 100)}%`],
    ["Pools", p.pools.length ? p.pools.map((pool) => pool.name).join(", ") : "None"],
  ];
  return (
    <>
      <PageHeader
        eyebrow={<a href="/projects">← Projects</a>}
        title={
          <span className={styles.titleRow}>
            {p.name} <StatusBadge status={p.status} />
          </span>
        }
        description={`Created ${new Date(p.createdAt).toLocaleDateString("en", { dateStyle: "medium" })} · ${p.slug}`}
        actions={
          <>
            <ButtonLink href={`/projects/${p.id}/items`}>Data and generation</ButtonLink>
            <ButtonLink href={`/projects/${p.id}/analytics`}>Analytics</ButtonLink>
            <ButtonLink href={`/projects/${p.id}/quality`}>Quality and crowd</ButtonLink>
            <ButtonLink href={`/projects/${p.id}/exports`}>Export</ButtonLink>
            <ButtonLink href={`/annotate/${p.id}`}>Open labeling page</ButtonLink>
            <ProjectActions project={p} />
          </>
        }
      />
      <div className={styles.stats}>
        <Stat label="Prompts" value={p.counts.prompts} />
        <Stat label="Items" value={p.counts.items} />
        <Stat label="Judgments" value={p.counts.judgments} />
        <div className={styles.stat}>
          <div className={styles.statLabel}>Items complete</div>
          <div className={styles.statValue}>{percent(p.counts.completeItems, p.counts.items)}</div>
          <ProgressBar value={p.counts.completeItems} max={p.counts.items} label="Items complete" />
          <div className={styles.statNote}>
            {p.counts.completeItems.toLocaleString("en")} of {p.counts.items.toLocaleString("en")}
          </div>
        </div>
      </div>
      <div className={styles.columns}>
        <Card>
          <CardHeader title="Guidelines" description="What annotators read before they judge" />
          <CardBody>
            {p.guidelines.trim() ? (
              <ServerMarkdown>{p.guidelines}</ServerMarkdown>
            ) : (
              <p className={styles.muted}>None yet.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Settings" />
          <CardBody>
            <dl className={styles.settings}>
              {settings.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className={styles.stat}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue}>{value.toLocaleString("en")}</div>
    </div>
  );
}
