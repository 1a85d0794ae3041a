import { randomUUID } from "node:crypto";
import { seededRandom } from "@arbiter/aggregation";
import type { TAssignment } from "@arbiter/shared";
import { backdateAssignment } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, takeAssignment } from "./support/annotation";
import { type ExportWorker, exportWorker } from "./support/export-worker";
import { requestExport, waitForExport } from "./support/exports";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";
import { betterKey, seedQualityProject } from "./support/quality";

// Ten simulated annotators work a 300-item project through the real API. The bad ones
// must be caught early and no honest one may be caught. Gold is 60 % of the stream and
// quarantine needs 10,000:1 odds: with these settings a random clicker survives its first
// 60 answers about 2 times in 10,000 and an honest annotator is quarantined about 5 times
// in 100,000 (Monte Carlo of the same sequential test), so this test is not flaky.
const REGULAR = 300;
const GOLD = 80;

type Behaviour = {
  kind: "honest" | "random" | "first" | "fast";
  answer: (a: TAssignment) => string;
  ms: () => number;
};

// Seeded, so a failure can be replayed.
const rand = seededRandom(20261129);

/** Reading time of a careful annotator: log-normal around 12 s, never under 4 s. */
const readingMs = () => Math.max(4000, Math.round(12_000 * Math.exp(0.5 * gauss())));
function gauss() {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
function honest(a: TAssignment) {
  const r = rand();
  const better = betterKey(a);
  if (r < 0.85) return better;
  return r < 0.95 ? (better === "A" ? "B" : "A") : "tie";
}
const CHOICES = ["A", "B", "tie", "both_bad"];

const BEHAVIOURS: Behaviour[] = [
  ...Array.from({ length: 7 }, () => ({ kind: "honest" as const, answer: honest, ms: readingMs })),
  { kind: "random", answer: () => CHOICES[Math.floor(rand() * 4)]!, ms: readingMs },
  { kind: "first", answer: () => "A", ms: readingMs },
  { kind: "fast", answer: honest, ms: () => 1000 },
];

const SECRET = "simulation-secret-0123456789";
process.env.REDIS_PREFIX = `test-sim-${randomUUID().slice(0, 8)}`;

let h: Harness;
let worker: ExportWorker;
beforeAll(async () => {
  h = await createHarness({ ARBITER_SECRET: SECRET });
  worker = exportWorker({ databaseUrl: h.db.url, redisPrefix: process.env.REDIS_PREFIX!, secret: SECRET });
  worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

/** Runs a raw export with default filters and returns the judgment ids it holds. */
async function exportedJudgmentIds(researcher: TestUser, projectId: string): Promise<Set<string>> {
  const { id } = await requestExport(h, researcher, projectId, { format: "raw", compress: false });
  const e = await waitForExport(h, researcher, id);
  if (e.status === "FAILED") throw new Error(e.error);
  const file = await h.app.inject({
    method: "GET",
    url: `/api/v1/exports/${id}/files/${e.files.find((f: { split: string | null }) => f.split).name}`,
    headers: bearer(researcher),
  });
  const lines = file.body.split("\n").filter(Boolean);
  return new Set(lines.map((l) => JSON.parse(l).judgment_id as string));
}

describe("quality control on a simulated crowd", () => {
  it("quarantines the random and always-first annotators within 60 answers, flags the fast one, spares the honest", async () => {
    const researcher = await h.user("RESEARCHER");
    const crowd: { user: TestUser; b: Behaviour; answered: number; done: boolean }[] = [];
    for (const b of BEHAVIOURS) crowd.push({ user: await h.user("ANNOTATOR"), b, answered: 0, done: false });
    const { projectId } = await seedQualityProject(
      h,
      researcher,
      crowd.map((c) => c.user),
      {
        regular: REGULAR,
        gold: GOLD,
        goldRate: 0.6,
        judgmentsPerItem: 3,
        questions: { strength: false, allowTie: true, allowBothBad: true },
        quality: { quarantineOdds: 10_000, minGoldAnswers: 5 },
      },
    );

    while (crowd.some((c) => !c.done)) {
      for (const c of crowd.filter((x) => !x.done)) {
        const { status, assignment } = await takeAssignment(h, c.user, projectId);
        if (status === 204) {
          c.done = true;
          continue;
        }
        // The simulated reading time, as the server will measure it.
        const ms = c.b.ms();
        await backdateAssignment(h.db.pool, assignment!.id, ms);
        const res = await judge(h, c.user, assignment!.id, {
          choice: c.b.answer(assignment!),
          durationMs: ms,
        });
        expect(res.statusCode, res.body).toBe(201);
        c.answered += 1;
      }
    }

    const quality = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/quality`,
      headers: bearer(researcher),
    });
    const rows = new Map<string, { status: string; flags: { kind: string }[] }>(
      quality.json().annotators.map((r: { user: { id: string } }) => [r.user.id, r]),
    );
    const report = crowd.map((c) => `${c.b.kind}: ${c.answered} answers, ${rows.get(c.user.id)?.status}`);
    for (const c of crowd) {
      const row = rows.get(c.user.id)!;
      if (c.b.kind === "random" || c.b.kind === "first") {
        expect(row.status, report.join("\n")).toBe("QUARANTINED");
        expect(c.answered, report.join("\n")).toBeLessThanOrEqual(60);
      } else {
        expect(row.status, report.join("\n")).toBe("ADMITTED");
      }
      if (c.b.kind === "fast") expect(row.flags.map((f) => f.kind)).toContain("too_fast");
      if (c.b.kind === "honest") expect(row.flags).toEqual([]);
    }
    // The default export holds the honest annotators' answers and none of the bad ones'.
    const exported = await exportedJudgmentIds(researcher, projectId);
    for (const c of crowd) {
      const mine = await h.db.prisma.judgment.findMany({
        where: { projectId, annotatorId: c.user.id, item: { isGold: false }, choice: { in: ["A", "B"] } },
        select: { id: true },
      });
      const inExport = mine.filter((j) => exported.has(j.id)).length;
      if (c.b.kind === "honest") expect(inExport).toBe(mine.length);
      else expect(inExport, `${c.b.kind} has ${inExport} judgments in the export`).toBe(0);
    }
    // Every regular item was still judged to its full overlap by the others.
    const open = await h.db.prisma.item.count({
      where: { projectId, isGold: false, status: { not: "COMPLETE" } },
    });
    expect(open).toBe(0);
    // About 1,600 answers through the API: minutes on a loaded two-core machine.
  }, 600_000);
});
