import type { TMessage } from "@arbiter/shared";
import type pg from "pg";

export type TurnSide = {
  generatorId: string;
  /** The messages this side saw after the battle's opening: its own earlier answers and the later user turns. */
  context: TMessage[];
};

/**
 * Where arena sample indexes start: a generation run on a prompt drawn from the prompt set
 * writes its samples from 0 and overwrites its own on a retry, so the ranges must never meet.
 */
const ARENA_SAMPLE_BASE = 1_000_000;

/**
 * Writes one battle turn as an ordinary item: a completion per side (empty until the worker
 * fills it), the item of the two, the annotator's assignment on it (their lease, shown A = side
 * 0), and the turn and side rows the worker and the event stream follow.
 *
 * Every turn's item has the battle's opening as its prompt; what differs per side (each model's
 * own earlier answers, and the user turns after the opening) is the completion's context
 * (metadata.arena.context), which exports put before the answer. Completions of one prompt and
 * generator are told apart by sample index, allocated under a lock on the prompt.
 */
export async function createTurn(
  client: pg.PoolClient,
  t: {
    battleId: string;
    projectId: string;
    annotatorId: string;
    promptId: string;
    turn: number;
    userText: string;
    leaseSeconds: number;
    sides: [TurnSide, TurnSide];
  },
): Promise<{ turnId: string; assignmentId: string; itemId: string }> {
  await client.query("SELECT 1 FROM prompts WHERE id = $1 FOR UPDATE", [t.promptId]);
  const completionIds: string[] = [];
  for (const [side, s] of t.sides.entries()) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO completions (prompt_id, generator_id, sample_index, source, model, text, params, metadata)
       SELECT $1, g.id,
              (SELECT GREATEST(COALESCE(max(c.sample_index) + 1, 0), ${ARENA_SAMPLE_BASE}) FROM completions c
                WHERE c.prompt_id = $1 AND c.generator_id = g.id),
              'GENERATED', g.model, '', g.params,
              jsonb_build_object('arena', jsonb_build_object('battleId', $3::text, 'turn', $4::int,
                                 'side', $5::int, 'context', $6::jsonb))
         FROM generators g WHERE g.id = $2
       RETURNING id`,
      [t.promptId, s.generatorId, t.battleId, t.turn, side, JSON.stringify(s.context)],
    );
    completionIds.push(rows[0]!.id);
  }
  const { rows: items } = await client.query<{ id: string }>(
    `INSERT INTO items (project_id, prompt_id, judgments_wanted) VALUES ($1, $2, 1) RETURNING id`,
    [t.projectId, t.promptId],
  );
  const itemId = items[0]!.id;
  await client.query(
    `INSERT INTO item_completions (item_id, position, completion_id)
     SELECT $1, p - 1, c FROM unnest($2::uuid[]) WITH ORDINALITY AS x(c, p)`,
    [itemId, completionIds],
  );
  // Quality control keeps a row per annotator and project; leasing makes it, so does a battle.
  await client.query(
    `INSERT INTO annotator_states (project_id, user_id, status) VALUES ($1, $2, 'ADMITTED') ON CONFLICT DO NOTHING`,
    [t.projectId, t.annotatorId],
  );
  const { rows: assignments } = await client.query<{ id: string }>(
    `INSERT INTO assignments (item_id, project_id, annotator_id, shown_order, expires_at)
     VALUES ($1, $2, $3, $4::uuid[], now() + make_interval(secs => $5)) RETURNING id`,
    [itemId, t.projectId, t.annotatorId, completionIds, t.leaseSeconds],
  );
  const assignmentId = assignments[0]!.id;
  const { rows: turns } = await client.query<{ id: string }>(
    `INSERT INTO battle_turns (battle_id, turn, user_text, item_id, assignment_id) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [t.battleId, t.turn, t.userText, itemId, assignmentId],
  );
  const turnId = turns[0]!.id;
  await client.query(
    `INSERT INTO battle_sides (turn_id, side, generator_id, completion_id)
     SELECT $1, s - 1, g, c FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS x(g, c, s)`,
    [turnId, t.sides.map((s) => s.generatorId), completionIds],
  );
  return { turnId, assignmentId, itemId };
}
