import type { Db, GenerationRun } from "@arbiter/db";
import { enqueuePlanRun } from "@arbiter/jobs";
import type { TCreateRunBody, TGenerationRun } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, conflict, HttpError, notFound } from "../../lib/http-error";
import type { Queues } from "../../plugins/queues";
import { assertProject } from "../projects/access";

const LAST_ERRORS = 10;

type Counts = { pending: number; done: number; failed: number; cancelled: number; total: number };

/** Live counts come from the sample ledger; the run row holds them only once it is over. */
async function sampleCounts(db: Db, runIds: string[]): Promise<Map<string, Counts>> {
  const { rows } = await db.pool.query(
    `SELECT run_id,
            count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
            count(*) FILTER (WHERE status = 'DONE')::int AS done,
            count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
            count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
            count(*)::int AS total
       FROM generation_samples WHERE run_id = ANY($1::uuid[]) GROUP BY run_id`,
    [runIds],
  );
  return new Map(rows.map((r) => [r.run_id, r]));
}

async function lastErrors(db: Db, runId: string) {
  const { rows } = await db.pool.query(
    `SELECT prompt_id, generator_id, sample_index, error, status, updated_at
       FROM generation_samples
      WHERE run_id = $1 AND error IS NOT NULL
      ORDER BY updated_at DESC LIMIT $2`,
    [runId, LAST_ERRORS],
  );
  return rows.map((r) => ({
    promptId: r.prompt_id,
    generatorId: r.generator_id,
    sampleIndex: r.sample_index,
    message: r.error,
    final: r.status === "FAILED",
    at: (r.updated_at as Date).toISOString(),
  }));
}

function serializeRun(run: GenerationRun, counts: Counts | undefined, errors: TGenerationRun["lastErrors"]) {
  const c = counts ?? { pending: 0, done: 0, failed: 0, cancelled: 0, total: 0 };
  return {
    id: run.id,
    projectId: run.projectId,
    status: run.status,
    generatorIds: run.generatorIds,
    samplesPerPrompt: run.samplesPerPrompt,
    // Before planning, the expected size; after, the ledger's.
    total: c.total || run.total,
    pending: c.pending,
    done: c.done,
    failed: c.failed,
    cancelled: c.cancelled,
    lastErrors: errors,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export async function createRun(
  db: Db,
  queues: Pick<Queues, "get">,
  request: FastifyRequest,
  projectId: string,
  body: TCreateRunBody,
): Promise<TGenerationRun> {
  await assertProject(db, projectId);
  const generatorIds = [...new Set(body.generatorIds)];
  const generators = await db.prisma.generator.findMany({
    where: { id: { in: generatorIds }, projectId, deletedAt: null },
    select: { id: true },
  });
  const known = new Set(generators.map((g) => g.id));
  const unknown = generatorIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw badRequest(`body.generatorIds.${unknown}: no such generator in this project`, [
      { path: `body.generatorIds.${unknown}`, message: "no such generator in this project" },
    ]);
  }
  const promptIds = body.promptIds ? [...new Set(body.promptIds)] : [];
  const promptCount = promptIds.length
    ? await db.prisma.prompt.count({ where: { projectId, id: { in: promptIds } } })
    : await db.prisma.prompt.count({ where: { projectId } });
  if (promptIds.length && promptCount !== promptIds.length) {
    throw badRequest("body.promptIds: some prompts are not in this project", [
      { path: "body.promptIds", message: "some prompts are not in this project" },
    ]);
  }
  if (promptCount === 0) throw badRequest("body.promptIds: the project has no prompts to generate for");

  const run = await db.prisma.$transaction(async (tx) => {
    const created = await tx.generationRun.create({
      data: {
        projectId,
        generatorIds,
        samplesPerPrompt: body.samplesPerPrompt,
        promptIds,
        total: promptCount * generatorIds.length * body.samplesPerPrompt,
        createdById: request.principal!.user.id,
      },
    });
    await audit(tx, request, {
      action: "generation-run.create",
      targetType: "generation-run",
      targetId: created.id,
      data: { projectId, generatorIds, samplesPerPrompt: body.samplesPerPrompt, total: created.total },
    });
    return created;
  });
  try {
    await enqueuePlanRun(queues.get("generation"), run.id);
  } catch (err) {
    // Without a queued plan the run would sit QUEUED forever; say so rather than pretend.
    await db.prisma.generationRun.update({
      where: { id: run.id },
      data: { status: "FAILED", finishedAt: new Date() },
    });
    request.log.error({ err, runId: run.id }, "could not enqueue generation run");
    throw new HttpError(503, "queue_unavailable", "The job queue is unavailable; try again shortly");
  }
  return serializeRun(run, undefined, []);
}

async function findRun(db: Db, projectId: string, runId: string) {
  const run = await db.prisma.generationRun.findFirst({ where: { id: runId, projectId } });
  if (!run) throw notFound("Generation run");
  return run;
}

export async function getRun(db: Db, projectId: string, runId: string) {
  const run = await findRun(db, projectId, runId);
  const [counts, errors] = await Promise.all([sampleCounts(db, [run.id]), lastErrors(db, run.id)]);
  return serializeRun(run, counts.get(run.id), errors);
}

export async function listRuns(db: Db, projectId: string) {
  await assertProject(db, projectId);
  const runs = await db.prisma.generationRun.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const counts = await sampleCounts(
    db,
    runs.map((r) => r.id),
  );
  return runs.map((r) => serializeRun(r, counts.get(r.id), []));
}

/**
 * Stops a run: its pending samples are cancelled in the ledger, so queued jobs find nothing
 * to do, and a request already in flight stores nothing when it returns.
 */
export async function cancelRun(db: Db, request: FastifyRequest, projectId: string, runId: string) {
  await findRun(db, projectId, runId);
  const cancelled = await db.prisma.$transaction(async (tx) => {
    const updated = await tx.generationRun.updateMany({
      where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "CANCELLED", finishedAt: new Date() },
    });
    if (updated.count === 0) return false;
    // Rows locked in id order, as the worker's batch writes lock them: two statements that
    // each lock several ledger rows never wait on each other in a cycle.
    await tx.$executeRaw`
      UPDATE generation_samples SET status = 'CANCELLED', updated_at = now()
       WHERE id IN (SELECT id FROM generation_samples WHERE run_id = ${runId}::uuid AND status = 'PENDING'
                     ORDER BY id FOR UPDATE)`;
    await audit(tx, request, {
      action: "generation-run.cancel",
      targetType: "generation-run",
      targetId: runId,
    });
    return true;
  });
  if (!cancelled) throw conflict("run_finished", "The run has already finished");
  return getRun(db, projectId, runId);
}
