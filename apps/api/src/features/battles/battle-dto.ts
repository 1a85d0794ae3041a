import type { Db } from "@arbiter/db";
import { maskText, type TArenaSettings, type TBattle, type TMessage } from "@arbiter/shared";
import { notFound } from "../../lib/http-error";
import type { AuthUser } from "../../lib/principal";
import { projectStanding } from "../projects/access";
import { arenaOf } from "../projects/serialize";

type BattleRow = {
  id: string;
  project_id: string;
  annotator_id: string;
  status: string;
  reason: string | null;
  revealed: boolean;
  created_at: Date;
  arena: unknown;
  lease_seconds: number;
  project_status: string;
  messages: TMessage[] | null;
  text: string | null;
  models: string[];
  turns: {
    id: string;
    turn: number;
    status: string;
    user_text: string;
    assignment_id: string;
    judgment_id: string | null;
    sides: {
      side: number;
      status: string;
      error: string | null;
      text: string;
      finish_reason: string | null;
      screening: { matches?: string[] } | null;
      context: TMessage[];
    }[];
  }[];
};

export type LoadedBattle = {
  row: BattleRow;
  settings: TArenaSettings;
  /** The conversation's opening, as the first turn's models saw it. */
  opening: TMessage[];
  current: BattleRow["turns"][number];
};

const lower = <T extends string>(s: string) => s.toLowerCase() as T;

/** The battle with its turns and sides, in one query. */
async function readBattle(db: Db, battleId: string): Promise<BattleRow | null> {
  const { rows } = await db.pool.query<BattleRow>(
    `SELECT b.id, b.project_id, b.annotator_id, b.status, b.reason, b.revealed, b.created_at,
            p.arena, p.lease_seconds, p.status AS project_status, pr.messages, pr.text,
            (SELECT array_agg(g.name ORDER BY x.o) FROM unnest(b.generator_ids) WITH ORDINALITY AS x(gid, o)
               JOIN generators g ON g.id = x.gid) AS models,
            (SELECT json_agg(json_build_object(
                      'id', t.id, 'turn', t.turn, 'status', t.status, 'user_text', t.user_text,
                      'assignment_id', t.assignment_id,
                      'judgment_id', (SELECT j.id FROM judgments j WHERE j.assignment_id = t.assignment_id
                                         AND j.superseded_at IS NULL LIMIT 1),
                      'sides', (SELECT json_agg(json_build_object(
                                   'side', s.side, 'status', s.status, 'error', s.error, 'text', c.text,
                                   'finish_reason', c.finish_reason, 'screening', c.metadata -> 'screening',
                                   'context', COALESCE(c.metadata -> 'arena' -> 'context', '[]'::jsonb))
                                   ORDER BY s.side)
                                  FROM battle_sides s JOIN completions c ON c.id = s.completion_id
                                 WHERE s.turn_id = t.id))
                      ORDER BY t.turn)
               FROM battle_turns t WHERE t.battle_id = b.id) AS turns
       FROM battles b
       JOIN projects p ON p.id = b.project_id
       JOIN battle_turns t1 ON t1.battle_id = b.id AND t1.turn = 1
       JOIN items i ON i.id = t1.item_id
       JOIN prompts pr ON pr.id = i.prompt_id
      WHERE b.id = $1`,
    [battleId],
  );
  return rows[0] ?? null;
}

/**
 * The battle if the caller may see it: its annotator, or staff who may view its project.
 * Anyone else gets "not found", as for a battle that does not exist.
 */
export async function loadBattle(
  db: Db,
  user: Pick<AuthUser, "id" | "role">,
  battleId: string,
  { ownerOnly = false } = {},
): Promise<LoadedBattle> {
  const row = await readBattle(db, battleId);
  if (!row) throw notFound("Battle");
  if (row.annotator_id !== user.id) {
    const standing =
      ownerOnly || user.role === "ANNOTATOR" ? null : await projectStanding(db, user, row.project_id);
    if (standing === null) throw notFound("Battle");
  }
  const opening = row.messages ?? [{ role: "user" as const, content: row.text ?? "" }];
  return { row, settings: arenaOf(row), opening, current: row.turns.at(-1)! };
}

export function toBattleDto({ row, settings, opening }: LoadedBattle): TBattle {
  const { action, patterns } = settings.screening;
  return {
    id: row.id,
    projectId: row.project_id,
    status: lower(row.status),
    reason: row.reason,
    prompt: opening,
    turns: row.turns.map((t) => ({
      turn: t.turn,
      status: lower(t.status),
      prompt: t.user_text,
      assignmentId: t.assignment_id,
      judgmentId: t.judgment_id,
      sides: t.sides.map((s) => ({
        key: s.side === 0 ? ("A" as const) : ("B" as const),
        status: lower(s.status),
        text: action === "mask" && s.screening?.matches?.length ? maskText(s.text, patterns) : s.text,
        finishReason: s.finish_reason,
        error: s.error,
      })),
    })),
    models: row.revealed ? { A: row.models[0] ?? "", B: row.models[1] ?? "" } : null,
    eventsUrl: `/api/v1/battles/${row.id}/events`,
    createdAt: row.created_at.toISOString(),
  };
}
