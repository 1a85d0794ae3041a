import type { TArenaUsage, TProject } from "@arbiter/shared";
import { ButtonLink, Card, CardBody, CardHeader, PageHeader, ProgressBar } from "@/components/ui";
import { ServerMarkdown } from "@/components/ui/markdown-server";
import { ProjectActions } from "./project-actions";
import { StatusBadge, taskLabel } from "./project-labels";
import { percent } from "./project-table";
import styles from "./projects.module.css";

export function ProjectOverview({
  project: p,
  arenaUsage,
}: {
  project: TProject;
  arenaUsage: TArenaUsage | null;
}) {
  const q = p.questions;
  const a = p.arena;
  const arena: [string, string][] =
    p.mode === "arena"
      ? [
          ["Mode", "Live arena"],
          [
            "First message",
            a.promptSource === "annotator" ? "Written by the annotator" : "Drawn from the prompts",
          ],
          ["Model names", a.revealModels ? "Revealed after the last vote" : "Never shown"],
          [
            "Arena limits",
            `${a.limits.promptChars.toLocaleString("en")} characters · ${a.limits.maxTokensPerTurn.toLocaleString("en")} tokens per answer · ${a.limits.maxTurns} turns · ${a.limits.battlesPerHour}/hour, ${a.limits.battlesPerDay}/day per annotator`,
          ],
          [
            "Answers naming a model",
            { hide: "Left out of the statistics", mask: "Names masked", keep: "Kept" }[a.screening.action],
          ],
        ]
      : [];
  const settings: [string, string][] = [
    ...arena,
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
            {p.mode === "arena" ? (
              <ButtonLink href={`/arena/${p.id}`}>Open arena</ButtonLink>
            ) : (
              <ButtonLink href={`/annotate/${p.id}`}>Open labeling page</ButtonLink>
            )}
            <ProjectActions project={p} />
          </>
        }
      />
      {arenaUsage ? <ArenaUsage usage={arenaUsage} /> : null}
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

/** Battles so far and the tokens they used, against the project's budget when it has one. */
function ArenaUsage({ usage }: { usage: TArenaUsage }) {
  return (
    <div className={styles.stats} data-testid="arena-usage">
      <Stat label="Battles" value={usage.battles} />
      <div className={styles.stat}>
        <div className={styles.statLabel}>Tokens used</div>
        <div className={styles.statValue}>{usage.tokensUsed.toLocaleString("en")}</div>
        {usage.tokenBudget !== null ? (
          <>
            <ProgressBar value={usage.tokensUsed} max={usage.tokenBudget} label="Token budget used" />
            <div className={styles.statNote}>of a budget of {usage.tokenBudget.toLocaleString("en")}</div>
          </>
        ) : (
          <div className={styles.statNote}>No budget set</div>
        )}
      </div>
    </div>
  );
}
