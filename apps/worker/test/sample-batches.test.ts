import { sampleBatchJobId } from "@arbiter/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planRun } from "../src/features/generation/plan-run";
import {
  batchSizeFor,
  forEachPendingBatch,
  type TSampleBatch,
} from "../src/features/generation/sample-batches";
import { finishRunIfComplete } from "../src/features/generation/sample-store";
import { createGenerationFixture, type GenerationFixture } from "./support/generation";

let f: GenerationFixture;

beforeAll(async () => {
  f = await createGenerationFixture();
});
afterAll(async () => {
  await f?.close();
});

async function batchesOf(runId: string, fixedSize?: number) {
  const all: TSampleBatch[] = [];
  await forEachPendingBatch(f.db.pool, runId, fixedSize ? { fixedSize } : {}, async (page) => {
    all.push(...page);
    return true;
  });
  return all;
}

describe("cutting a run into sample batches", () => {
  it("grows batches with the run: one sample per job for small runs, at most 100", () => {
    expect([1, 19, 20, 150, 1_000, 5_000, 1_000_000].map((n) => batchSizeFor(n, {}))).toEqual([
      1, 1, 2, 15, 100, 100, 100,
    ]);
    expect(batchSizeFor(1_000, { fixedSize: 4 })).toBe(4);
  });

  it("cuts the same way however many samples are done, so job ids stay the same", async () => {
    const { projectId, userId } = await f.seedProject(23);
    const a = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "a" });
    const b = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "b" });
    const run = await f.db.prisma.generationRun.create({
      data: { projectId, generatorIds: [a, b], samplesPerPrompt: 2, createdById: userId, status: "RUNNING" },
    });
    await f.db.pool.query(
      `INSERT INTO generation_samples (run_id, prompt_id, generator_id, sample_index)
       SELECT $1, p.id, g.id, s.i FROM prompts p JOIN generators g ON g.project_id = p.project_id
        CROSS JOIN generate_series(0, 1) s(i) WHERE p.project_id = $2`,
      [run.id, projectId],
    );

    const before = await batchesOf(run.id, 4);
    // 46 samples per generator: 11 batches of 4 and one of 2, each of one generator.
    expect(before).toHaveLength(24);
    expect(new Set(before.flatMap((x) => x.pendingIds)).size).toBe(92);
    for (const x of before) {
      expect(x.pendingIds.length).toBeLessThanOrEqual(4);
      expect(x.firstSampleId).toBe(x.pendingIds[0]);
    }
    const { rows } = await f.db.pool.query<{ id: string; generator_id: string }>(
      "SELECT id, generator_id FROM generation_samples WHERE id = ANY($1::uuid[])",
      [before.flatMap((x) => x.pendingIds)],
    );
    const generatorOf = new Map(rows.map((r) => [r.id, r.generator_id]));
    for (const x of before) expect(new Set(x.pendingIds.map((id) => generatorOf.get(id))).size).toBe(1);

    // Settle every other sample, and the whole of the first batch.
    const settled = [
      ...before[0]!.pendingIds,
      ...before.flatMap((x) => x.pendingIds.filter((_, i) => i % 2)),
    ];
    await f.db.pool.query("UPDATE generation_samples SET status = 'DONE' WHERE id = ANY($1::uuid[])", [
      settled,
    ]);
    const after = await batchesOf(run.id, 4);
    expect(after.map((x) => x.firstSampleId)).toEqual(before.slice(1).map((x) => x.firstSampleId));
    for (const [i, x] of after.entries()) {
      expect(x.pendingIds).toEqual(before[i + 1]!.pendingIds.filter((id) => !settled.includes(id)));
    }
  });

  it("cuts a run larger than one page of the ledger the same way, batches crossing pages", async () => {
    const { projectId, userId } = await f.seedProject(3);
    const a = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "a" });
    const b = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "b" });
    const run = await f.db.prisma.generationRun.create({
      data: {
        projectId,
        generatorIds: [a, b],
        samplesPerPrompt: 1_000,
        createdById: userId,
        status: "RUNNING",
      },
    });
    await f.db.pool.query(
      `INSERT INTO generation_samples (run_id, prompt_id, generator_id, sample_index)
       SELECT $1, p.id, g.id, s.i FROM prompts p JOIN generators g ON g.project_id = p.project_id
        CROSS JOIN generate_series(0, 999) s(i) WHERE p.project_id = $2`,
      [run.id, projectId],
    );
    const { rows } = await f.db.pool.query<{ id: string; generator_id: string }>(
      "SELECT id, generator_id FROM generation_samples WHERE run_id = $1 ORDER BY generator_id, prompt_id, sample_index",
      [run.id],
    );
    // 3,000 rows per generator in chunks of 7: the 5,000-row pages of the cursor end mid-chunk.
    const expected: string[][] = [];
    for (const g of [...new Set(rows.map((r) => r.generator_id))]) {
      const ids = rows.filter((r) => r.generator_id === g).map((r) => r.id);
      for (let i = 0; i < ids.length; i += 7) expected.push(ids.slice(i, i + 7));
    }
    expect(expected).toHaveLength(2 * 429);
    expect((await batchesOf(run.id, 7)).map((x) => x.pendingIds)).toEqual(expected);
    // By default a run this size gets the largest batches.
    expect((await batchesOf(run.id)).every((x) => x.pendingIds.length === 100)).toBe(true);
  });

  it("plans a run head first, with the same batches as the whole ledger's cut, and stays QUEUED until whole", async () => {
    const { projectId, userId } = await f.seedProject(70);
    const a = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "a" });
    const b = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "b" });
    const run = await f.db.prisma.generationRun.create({
      data: { projectId, generatorIds: [a, b], samplesPerPrompt: 3, createdById: userId },
    });
    // 210 samples per generator in batches of 21: a head of 2 batches is 14 prompts (3
    // samples each), which ends on a batch boundary of both generators.
    expect(batchSizeFor(210, {})).toBe(21);
    const seen: string[] = [];
    const statuses: string[] = [];
    const spy = new Proxy(f.queue, {
      get(target, key, receiver) {
        if (key !== "addBulk") return Reflect.get(target, key, receiver);
        return async (jobs: { opts?: { jobId?: string } }[]) => {
          seen.push(...jobs.map((j) => j.opts!.jobId!));
          const { rows } = await f.db.pool.query("SELECT status FROM generation_runs WHERE id = $1", [
            run.id,
          ]);
          statuses.push(rows[0].status);
          return target.addBulk(jobs as never);
        };
      },
    });
    expect(await planRun(f.db.pool, spy, run.id, {})).toBe(420);

    const whole = await batchesOf(run.id);
    expect(whole).toHaveLength(20);
    expect(whole.every((x) => x.pendingIds.length === 21)).toBe(true);
    expect([...seen].sort()).toEqual(whole.map((x) => sampleBatchJobId(x.firstSampleId)).sort());
    // The head's 2 x 2 batches went out while the run was still being written (QUEUED), the
    // other 16 once it was whole.
    expect(statuses).toEqual(["QUEUED", "RUNNING"]);
    const firstOfEach = [...whole.slice(0, 2), ...whole.slice(10, 12)];
    expect([...seen.slice(0, 4)].sort()).toEqual(
      firstOfEach.map((x) => sampleBatchJobId(x.firstSampleId)).sort(),
    );
    const done = await f.db.prisma.generationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toMatchObject({ status: "RUNNING", total: 420 });
    // Planning again enqueues the same jobs (ids), so nothing is added twice.
    expect(await planRun(f.db.pool, f.queue, run.id, {})).toBe(420);
    expect(await f.queue.getJobCountByTypes("waiting", "delayed", "prioritized")).toBe(20);
  });

  it("never closes a run still being planned, though every sample written so far is done", async () => {
    const { projectId, userId } = await f.seedProject(4);
    const a = await f.addGenerator(projectId, { baseUrl: "http://127.0.0.1:9/v1", model: "a" });
    const run = await f.db.prisma.generationRun.create({
      data: { projectId, generatorIds: [a], samplesPerPrompt: 1, createdById: userId },
    });
    await f.db.pool.query(
      `INSERT INTO generation_samples (run_id, prompt_id, generator_id, sample_index, status)
       SELECT $1, p.id, $2, 0, 'DONE' FROM prompts p WHERE p.project_id = $3`,
      [run.id, a, projectId],
    );
    expect(await finishRunIfComplete(f.db.pool, run.id)).toBe(false);
    expect((await f.db.prisma.generationRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe(
      "QUEUED",
    );
    await f.db.prisma.generationRun.update({ where: { id: run.id }, data: { status: "RUNNING" } });
    expect(await finishRunIfComplete(f.db.pool, run.id)).toBe(true);
    expect(await f.db.prisma.generationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "SUCCEEDED",
      done: 4,
    });
  });
});
