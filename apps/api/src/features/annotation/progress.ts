import type { Db } from "@arbiter/db";
import type { TStanding } from "@arbiter/shared";
import type { AuthUser } from "../../lib/principal";
import { arenaOf, questionsOf, toMode } from "../projects/serialize";

// An arena's items are battles, each its own annotator's: none is there to be leased.
const AVAILABLE_ITEMS = `
  SELECT count(*)::int FROM items i
   WHERE i.project_id = p.id AND i.status = 'OPEN' AND p.mode = 'STANDARD'
     AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.item_id = i.id AND a.annotator_id = $1
                       AND a.status <> 'ACTIVE')`;

const STANDING = `SELECT s.status FROM annotator_states s WHERE s.project_id = p.id AND s.user_id = $1`;

export async function progressFor(db: Db, annotatorId: string, projectId: string) {
  const { rows } = await db.pool.query<{
    judged_today: number;
    total: number;
    median_ms: number | null;
    available: number;
    standing: TStanding;
  }>(
    `SELECT count(*) FILTER (WHERE j.created_at >= date_trunc('day', now()))::int AS judged_today,
            count(*)::int AS total,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY j.duration_ms) AS median_ms,
            (SELECT (${AVAILABLE_ITEMS}) FROM projects p WHERE p.id = $2) AS available,
            (${STANDING.replace("p.id", "$2")}) AS standing
       FROM judgments j
      WHERE j.annotator_id = $1 AND j.project_id = $2 AND j.superseded_at IS NULL`,
    [annotatorId, projectId],
  );
  const row = rows[0]!;
  return {
    judgedToday: row.judged_today,
    total: row.total,
    medianSeconds: row.median_ms === null ? null : Math.round(row.median_ms / 100) / 10,
    available: row.available ?? 0,
    standing: row.standing,
  };
}

/** Active projects this user may annotate, with what is left for them. */
export async function projectsFor(db: Db, user: AuthUser) {
  const { rows } = await db.pool.query<{
    id: string;
    name: string;
    task_type: "PAIRWISE" | "RANKING";
    options_per_item: number;
    guidelines: string;
    available: number;
    judged_by_me: number;
    standing: TStanding;
    mode: "STANDARD" | "ARENA";
    arena: unknown;
    questions: unknown;
  }>(
    `SELECT p.id, p.name, p.task_type, p.options_per_item, p.guidelines, p.mode, p.arena, p.questions,
            (${AVAILABLE_ITEMS}) AS available,
            (SELECT count(*)::int FROM judgments j WHERE j.project_id = p.id AND j.annotator_id = $1
                AND j.superseded_at IS NULL) AS judged_by_me,
            (${STANDING}) AS standing
       FROM projects p
      WHERE p.status = 'ACTIVE'
        AND arbiter_may_enter(p.id, $1, $2::"Role")
      ORDER BY p.created_at DESC`,
    [user.id, user.role],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    taskType: r.task_type === "PAIRWISE" ? ("pairwise" as const) : ("ranking" as const),
    optionsPerItem: r.options_per_item,
    guidelines: r.guidelines,
    available: r.available,
    judgedByMe: r.judged_by_me,
    standing: r.standing,
    mode: toMode(r.mode),
    arena: r.mode === "ARENA" ? arenaSummary(r) : null,
  }));
}

function arenaSummary(r: { arena: unknown; questions: unknown }) {
  const arena = arenaOf(r);
  const questions = questionsOf(r as Parameters<typeof questionsOf>[0]);
  return {
    promptSource: arena.promptSource,
    promptChars: arena.limits.promptChars,
    maxTurns: arena.limits.maxTurns,
    revealModels: arena.revealModels,
    allowTie: questions.allowTie,
    allowBothBad: questions.allowBothBad,
    strength: questions.strength,
    rationale: questions.rationale,
  };
}
