import { randomInt } from "node:crypto";
import { type Db, withTransaction } from "@arbiter/db";
import { enqueueStreamTurn } from "@arbiter/jobs";
import type { TArenaSettings, TBattle, TCreateBattleBody, TMessage } from "@arbiter/shared";
import type { Queue } from "bullmq";
import type { FastifyRequest } from "fastify";
import type pg from "pg";
import { badRequest, conflict, forbidden, HttpError, notFound } from "../../lib/http-error";
import { arenaOf } from "../projects/serialize";
import { promptContentHash } from "../prompts/service";
import { loadBattle, toBattleDto } from "./battle-dto";
import { createTurn } from "./create-turn";
import { checkBattleAllowance, checkUserTurn } from "./limits";

/** Two distinct generators, each pair equally likely, in a random order (which one is A). */
export function pickTwo<T>(pool: readonly T[]): [T, T] {
  const first = randomInt(pool.length);
  let second = randomInt(pool.length - 1);
  if (second >= first) second += 1;
  return [pool[first]!, pool[second]!];
}

type ArenaProject = { id: string; status: string; mode: string; arena: unknown; lease_seconds: number };

/** The project if the annotator may work in it (its pools, membership or admin), as leasing decides. */
async function arenaProjectFor(db: Db, request: FastifyRequest, projectId: string) {
  const user = request.principal!.user;
  const { rows } = await db.pool.query<ArenaProject & { standing: string | null }>(
    `SELECT p.id, p.status, p.mode, p.arena, p.lease_seconds,
            (SELECT s.status::text FROM annotator_states s WHERE s.project_id = p.id AND s.user_id = $2) AS standing
       FROM projects p WHERE p.id = $1 AND arbiter_may_enter(p.id, $2, $3::"Role")`,
    [projectId, user.id, user.role],
  );
  const project = rows[0];
  if (!project) throw notFound("Project");
  if (project.mode !== "ARENA") throw conflict("not_arena", "This project is not an arena project");
  if (project.status !== "ACTIVE")
    throw conflict("project_not_active", "This project is not taking answers now");
  if (project.standing === "QUARANTINED" || project.standing === "REJECTED") {
    throw forbidden("You are not admitted to this project");
  }
  return { ...project, settings: arenaOf(project) };
}

/** The opening of a new battle: the annotator's prompt, or one drawn from the project's prompt set. */
async function openingPrompt(
  client: pg.PoolClient,
  projectId: string,
  settings: TArenaSettings,
  body: TCreateBattleBody,
): Promise<{ promptId: string; userText: string }> {
  if (settings.promptSource === "prompt-set") {
    const { rows } = await client.query<{ id: string; messages: TMessage[] | null; text: string | null }>(
      `SELECT id, messages, text FROM prompts
        WHERE project_id = $1 AND (metadata ->> 'source') IS DISTINCT FROM 'arena'
        ORDER BY random() LIMIT 1`,
      [projectId],
    );
    const prompt = rows[0];
    if (!prompt) throw conflict("no_prompts", "This project has no prompts to draw a battle from");
    return {
      promptId: prompt.id,
      userText: prompt.text ?? prompt.messages?.findLast((m) => m.role === "user")?.content ?? "",
    };
  }
  const text = body.prompt!;
  const messages: TMessage[] = [{ role: "user", content: text }];
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO prompts (project_id, messages, metadata, content_hash)
     VALUES ($1, $2::jsonb, '{"source": "arena"}', $3)
     ON CONFLICT (project_id, content_hash) DO UPDATE SET content_hash = EXCLUDED.content_hash
     RETURNING id`,
    [projectId, JSON.stringify(messages), promptContentHash({ messages })],
  );
  return { promptId: rows[0]!.id, userText: text };
}

/** Marks a battle failed when its job could not be queued, and tells the caller. */
async function enqueueOrFail(db: Db, queue: Queue, battleId: string, turn: number): Promise<void> {
  try {
    await enqueueStreamTurn(queue, battleId, turn);
  } catch {
    await db.pool.query(
      `UPDATE battles SET status = 'FAILED', reason = 'The arena could not start the models; start a new battle',
              updated_at = now() WHERE id = $1`,
      [battleId],
    );
    throw new HttpError(
      503,
      "arena_unavailable",
      "The arena cannot start models right now; try again shortly",
    );
  }
}

export async function createBattle(
  db: Db,
  queue: Queue,
  request: FastifyRequest,
  projectId: string,
  body: TCreateBattleBody,
): Promise<TBattle> {
  const user = request.principal!.user;
  const project = await arenaProjectFor(db, request, projectId);
  const { settings } = project;
  if (settings.promptSource === "annotator") {
    if (body.prompt === undefined) {
      throw badRequest("body.prompt: write the prompt", [
        { path: "body.prompt", message: "write the prompt" },
      ]);
    }
    checkUserTurn(settings, body.prompt);
  } else if (body.prompt !== undefined) {
    const message = "this project draws prompts from its prompt set";
    throw badRequest(`body.prompt: ${message}`, [{ path: "body.prompt", message }]);
  }
  const battleId = await withTransaction(db.pool, async (client) => {
    await checkBattleAllowance(client, projectId, user.id, settings, { newBattle: true });
    const { rows: generators } = await client.query<{ id: string }>(
      "SELECT id FROM generators WHERE project_id = $1 AND deleted_at IS NULL",
      [projectId],
    );
    if (generators.length < 2) {
      throw conflict("arena_needs_generators", "An arena project needs at least two generators");
    }
    const [a, b] = pickTwo(generators.map((g) => g.id));
    const opening = await openingPrompt(client, projectId, settings, body);
    const { rows } = await client.query<{ id: string }>(
      "INSERT INTO battles (project_id, annotator_id, generator_ids) VALUES ($1, $2, $3::uuid[]) RETURNING id",
      [projectId, user.id, [a, b]],
    );
    const id = rows[0]!.id;
    await createTurn(client, {
      battleId: id,
      projectId,
      annotatorId: user.id,
      promptId: opening.promptId,
      turn: 1,
      userText: opening.userText,
      leaseSeconds: project.lease_seconds,
      sides: [
        { generatorId: a, context: [] },
        { generatorId: b, context: [] },
      ],
    });
    return id;
  });
  await enqueueOrFail(db, queue, battleId, 1);
  return toBattleDto(await loadBattle(db, user, battleId));
}

/** The next user turn: each side gets its own previous answer and the new message. */
export async function continueBattle(
  db: Db,
  queue: Queue,
  request: FastifyRequest,
  battleId: string,
  prompt: string,
): Promise<TBattle> {
  const user = request.principal!.user;
  const battle = await loadBattle(db, user, battleId, { ownerOnly: true });
  const { row, settings, current } = battle;
  if (row.status !== "VOTED") {
    throw conflict(
      `battle_${row.status.toLowerCase()}`,
      row.status === "READY" || row.status === "STREAMING"
        ? "Vote on this turn before you continue the conversation"
        : "This battle has ended; start a new one",
    );
  }
  if (row.project_status !== "ACTIVE")
    throw conflict("project_not_active", "This project is not taking answers now");
  if (current.turn >= settings.limits.maxTurns) {
    throw conflict("turn_limit", `A battle has at most ${settings.limits.maxTurns} turns; start a new one`);
  }
  checkUserTurn(settings, prompt);
  const turn = current.turn + 1;
  await withTransaction(db.pool, async (client) => {
    await checkBattleAllowance(client, row.project_id, user.id, settings, { newBattle: false });
    const { rows } = await client.query<{ prompt_id: string; generator_ids: string[] }>(
      `UPDATE battles b SET status = 'STREAMING', updated_at = now() FROM battle_turns t, items i
        WHERE b.id = $1 AND b.status = 'VOTED' AND t.battle_id = b.id AND t.turn = 1 AND i.id = t.item_id
        RETURNING i.prompt_id, b.generator_ids`,
      [battleId],
    );
    if (!rows[0]) throw conflict("battle_changed", "This battle changed meanwhile; reload it");
    const [a, b] = rows[0].generator_ids as [string, string];
    const next = (side: number): TMessage[] => {
      const s = current.sides[side]!;
      return [...s.context, { role: "assistant", content: s.text }, { role: "user", content: prompt }];
    };
    await createTurn(client, {
      battleId,
      projectId: row.project_id,
      annotatorId: user.id,
      promptId: rows[0].prompt_id,
      turn,
      userText: prompt,
      leaseSeconds: row.lease_seconds,
      sides: [
        { generatorId: a, context: next(0) },
        { generatorId: b, context: next(1) },
      ],
    });
  });
  await enqueueOrFail(db, queue, battleId, turn);
  return toBattleDto(await loadBattle(db, user, battleId));
}

export async function arenaUsage(db: Db, projectId: string) {
  const { rows } = await db.pool.query<{ battles: number; used: string; arena: unknown }>(
    `SELECT p.arena, (SELECT count(*)::int FROM battles b WHERE b.project_id = p.id) AS battles,
            (SELECT COALESCE(sum(b.tokens_used), 0)::text FROM battles b WHERE b.project_id = p.id) AS used
       FROM projects p WHERE p.id = $1`,
    [projectId],
  );
  const row = rows[0];
  if (!row) throw notFound("Project");
  return {
    battles: row.battles,
    tokensUsed: Number(row.used),
    tokenBudget: arenaOf(row).limits.tokenBudget,
  };
}
