// npm run bench:stats [-- --judgments 100000 --runs 15 --arriving 50]
// Seeds a project with N pairwise judgments, then times GET /api/v1/projects/:id/stats
// through the real app (app.inject, no network) against a baseline measured in the same
// run on the same data: a plain `SELECT count(*)` over the project's judgments. Before
// every timed request, `--arriving` new answers are recorded (untimed), as while a
// collection runs, so no request finds the answers it saw last time. The first request
// of the process (the untimed warm-up) reads every judgment and every item's completions
// and is reported on its own; later ones re-read only the items and hours that got new
// answers since the request before (the API keeps the rest per project).
import { parseArgs } from "node:util";
import type { TProjectStats } from "@arbiter/shared";
import {
  addSyntheticAnswers,
  createTestDatabase,
  DEFAULT_MODELS,
  seedBradleyTerryProject,
} from "@arbiter/testkit";
import { buildApp } from "../src/app";
import { parseApiEnv } from "../src/env";
import { createApiKey } from "../src/features/api-keys/service";

const { values } = parseArgs({
  options: {
    judgments: { type: "string", default: "100000" },
    runs: { type: "string", default: "15" },
    arriving: { type: "string", default: "50" },
  },
});
const JUDGMENTS = Number(values.judgments);
const RUNS = Number(values.runs);
const ARRIVING = Number(values.arriving);
// Five models of evenly spaced true strengths, answers of a few hundred words.
const MODELS = DEFAULT_MODELS.map((m) => ({ ...m, words: 450 }));

/** Sorted times of RUNS calls after a warm-up (whose time is returned apart), `before` untimed ahead of each. */
async function time(fn: () => Promise<unknown>, before: () => Promise<unknown> = async () => {}) {
  const warm = performance.now();
  await fn();
  const first = performance.now() - warm;
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    await before();
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return { first, ms: ms.sort((a, b) => a - b) };
}
const median = (ms: number[]) => ms[Math.floor(ms.length / 2)]!;

const db = await createTestDatabase();
try {
  const seedStart = performance.now();
  // Three answers per item from 60 annotators over the last 10 days, 10 % ties.
  const project = await seedBradleyTerryProject(db.pool, {
    judgments: JUDGMENTS,
    models: MODELS,
    annotators: 60,
    tieRate: 0.1,
    days: 10,
  });
  const { projectId, ownerId } = project;
  console.log(`seeded ${JUDGMENTS} judgments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const app = await buildApp({
    config: parseApiEnv({ DATABASE_URL: db.url, LOG_LEVEL: "silent", NODE_ENV: "test" }),
    db,
    logger: false,
  });
  await app.ready();
  const { token } = await createApiKey(app.db, ownerId, { name: "bench" });
  let stats: TProjectStats | undefined;
  let arrived = 0;
  const { first, ms: api } = await time(
    async () => {
      const res = await app.inject({
        method: "GET",
        url: `/api/v1/projects/${projectId}/stats`,
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.statusCode !== 200) throw new Error(`stats answered ${res.statusCode}: ${res.body}`);
      stats = res.json().stats;
    },
    async () => {
      await addSyntheticAnswers(db.pool, project, { fromItem: arrived, count: ARRIVING });
      arrived += ARRIVING;
    },
  );
  const { ms: baseline } = await time(() =>
    db.pool.query("SELECT count(*) FROM judgments WHERE project_id = $1", [projectId]),
  );
  await app.close();
  console.log(`GET /stats, ${JUDGMENTS} judgments, ${RUNS} runs, ${ARRIVING} new answers before each:`);
  console.log(`  first request (reads every judgment and every item's completions): ${first.toFixed(0)} ms`);
  console.log(`  median ${median(api).toFixed(0)} ms, p90 ${api[Math.floor(RUNS * 0.9)]!.toFixed(0)} ms`);
  console.log(`  baseline SELECT count(*): median ${median(baseline).toFixed(1)} ms`);
  console.log(`  ratio stats ÷ count(*) : ${(median(api) / median(baseline)).toFixed(1)}`);
  console.log(
    `  analysed ${stats!.judgments} judgments; leaderboard (true strengths ${MODELS.map((m) => m.strength).join(", ")}):`,
  );
  for (const r of stats!.leaderboard.rows)
    console.log(
      `    ${r.model}: ${r.rating.toFixed(0)} [${r.ratingCi!.low.toFixed(0)}, ${r.ratingCi!.high.toFixed(0)}]`,
    );
} finally {
  await db.drop();
}
