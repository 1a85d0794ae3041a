import type { TProjectStats } from "@arbiter/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, buildApp } from "../src/app";
import { parseApiEnv } from "../src/env";
import { digestFullReads } from "../src/features/stats/digest-cache";
import { progressFullReads } from "../src/features/stats/progress-hours";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, browser, createHarness, type Harness, type TestUser } from "./support/harness";

// The API keeps each pairwise project's per-item digest between requests and re-reads
// only items with new answers. Here one app (h.app) keeps its digest warm while a second
// app, as another API process would, records answers and makes the changes that are not
// appends; after each, the warm app must answer exactly what a third app that has never
// seen the project computes from scratch. Undo is re-read like an append, without a read
// from scratch (the caches count those, for the last test here).
let h: Harness;
let other: App;
let researcher: TestUser;
let admin: TestUser;
const apps: App[] = [];

async function newApp() {
  const config = parseApiEnv({ DATABASE_URL: h.db.url, LOG_LEVEL: "silent", NODE_ENV: "test" });
  const app = await buildApp({ config, logger: false });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  h = await createHarness();
  researcher = await h.user("RESEARCHER");
  admin = await h.user("ADMIN");
  other = await newApp();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await h?.close();
});

async function stats(app: App, projectId: string): Promise<TProjectStats> {
  const res = await app.inject({
    method: "GET",
    url: `/api/v1/projects/${projectId}/stats`,
    headers: bearer(researcher),
  });
  expect(res.statusCode).toBe(200);
  return res.json().stats;
}

const QUESTIONS = {
  strength: true,
  allowBothBad: true,
  aspects: [{ key: "helpful", label: "Helpful", scale: 5 }],
};

/**
 * Everything but what depends on the instant of the response: its time, and the pace, whose
 * window runs up to "now" (two computations a few milliseconds apart differ in the last digits).
 */
function measures(s: TProjectStats) {
  const { generatedAt: _, progress, ...rest } = s;
  const { ratePerHour: _r, rateWindowHours: _w, projectedHoursToFinish: _p, ...counts } = progress;
  return { ...rest, progress: counts };
}

/** The pace fields, equal up to the milliseconds between the two computations. */
function expectSamePace(a: TProjectStats, b: TProjectStats) {
  expect(a.progress.rateWindowHours).toBeCloseTo(b.progress.rateWindowHours, 2);
  expect(a.progress.ratePerHour).toBeCloseTo(b.progress.ratePerHour, 1);
}

async function fromScratch(projectId: string) {
  const app = await newApp();
  try {
    return await stats(app, projectId);
  } finally {
    await app.close();
    apps.splice(apps.indexOf(app), 1);
  }
}

async function expectWarmEqualsScratch(projectId: string) {
  const warm = await stats(h.app, projectId);
  const scratch = await fromScratch(projectId);
  expect(measures(warm)).toEqual(measures(scratch));
  expectSamePace(warm, scratch);
  return warm;
}

/**
 * Moves every answer of the project 10 minutes into the past, as if the change that
 * follows came long after them, and lets the warm app see that (the edit bumps the stats
 * epoch): it then has no recent answer to re-read, so only its checks through the database
 * can notice the change that follows.
 */
async function age(projectId: string) {
  await h.db.pool.query(
    "UPDATE judgments SET created_at = created_at - interval '10 minutes' WHERE project_id = $1",
    [projectId],
  );
  await expectWarmEqualsScratch(projectId);
}

/**
 * An answer written straight into the table with a created_at `seconds` in the past, as
 * a transaction that started then and commits only now leaves it; an insert, so nothing
 * bumps the stats epoch.
 */
async function commitLate(annotator: TestUser, projectId: string, seconds: number) {
  const { assignment } = await takeAssignment({ ...h, app: other }, annotator, projectId);
  expect(assignment).not.toBeNull();
  const { rows } = await h.db.pool.query<{ id: string }>(
    `WITH a AS (UPDATE assignments SET status = 'SUBMITTED', closed_at = now() WHERE id = $1 RETURNING *)
     INSERT INTO judgments (assignment_id, item_id, project_id, annotator_id, idempotency_key, choice, strength,
                            ranking, answer, created_at)
     SELECT a.id, a.item_id, a.project_id, a.annotator_id, a.id::text, 'A', 2,
            jsonb_build_array(jsonb_build_array(a.shown_order[1]), jsonb_build_array(a.shown_order[2])), '{}',
            now() - make_interval(secs => $2)
       FROM a
     RETURNING id`,
    [assignment!.id, seconds],
  );
  return rows[0]!.id;
}

/** Up to `n` answers from the annotator through the other app, varied by a counter; returns their judgment ids. */
let answered = 0;
async function answer(annotator: TestUser, projectId: string, n: number) {
  const ids: string[] = [];
  for (let k = 0; k < n; k++) {
    const { assignment } = await takeAssignment({ ...h, app: other }, annotator, projectId);
    if (!assignment) break;
    answered += 1;
    const [first, second] = assignment.options.map((o) => o.key);
    const body =
      answered % 5 === 0
        ? { choice: "tie" }
        : answered % 7 === 0
          ? { choice: "both_bad", aspects: { [first!]: { helpful: 1 }, [second!]: { helpful: 2 } } }
          : {
              choice: answered % 3 === 0 ? second : first,
              strength: 1 + (answered % 4),
              aspects: { [first!]: { helpful: 1 + (answered % 5) }, [second!]: { helpful: 3 } },
            };
    const res = await judge({ ...h, app: other }, annotator, assignment.id, body);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().judgment.id);
  }
  return ids;
}

it("equals a from-scratch computation after appends, undo, quarantine, suspension, gold changes and late commits", async () => {
  const annotators = [
    await h.user("ANNOTATOR"),
    await h.user("ANNOTATOR"),
    await h.user("ANNOTATOR"),
    await h.user("ANNOTATOR"),
  ];
  const [a, b, c, d] = annotators as [TestUser, TestUser, TestUser, TestUser];
  const { projectId, itemIds } = await seedProject(h, researcher, annotators, {
    items: 10,
    judgmentsPerItem: 3,
    questions: {
      strength: true,
      allowBothBad: true,
      aspects: [{ key: "helpful", label: "Helpful", scale: 5 }],
    },
  });
  await expectWarmEqualsScratch(projectId);

  // Appends.
  await answer(a, projectId, 6);
  await answer(b, projectId, 4);
  const first = await expectWarmEqualsScratch(projectId);
  expect(first.judgments).toBe(10);
  await answer(c, projectId, 5);
  await answer(a, projectId, 2);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(17);

  // Undo (superseded_at), then a different answer to the same assignment.
  const [mine] = await answer(d, projectId, 1);
  await expectWarmEqualsScratch(projectId);
  await undo(d, mine!);
  await age(projectId);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(17);
  await answer(d, projectId, 3);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(20);

  // Quarantine and admission again.
  const setStatus = async (user: TestUser, status: string) => {
    const res = await other.inject({
      method: "PUT",
      url: `/api/v1/projects/${projectId}/annotators/${user.id}/status`,
      headers: browser(admin),
      payload: { status, reason: "stats test" },
    });
    expect(res.statusCode, res.body).toBe(204);
  };
  await age(projectId);
  await setStatus(a, "QUARANTINED");
  const quarantined = await expectWarmEqualsScratch(projectId);
  expect(quarantined.excluded.annotators).toBe(1);
  expect(quarantined.judgments).toBe(12);
  await age(projectId);
  await setStatus(a, "ADMITTED");
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(20);

  // Suspension and reinstatement.
  const suspend = async (user: TestUser, status: string) => {
    const res = await other.inject({
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      headers: browser(admin),
      payload: { status },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  await age(projectId);
  await suspend(b, "SUSPENDED");
  expect((await expectWarmEqualsScratch(projectId)).excluded.annotators).toBe(1);
  await age(projectId);
  await suspend(b, "ACTIVE");
  expect((await expectWarmEqualsScratch(projectId)).excluded.annotators).toBe(0);

  // An item turned gold and back, by hand in SQL.
  const answeredItem = (
    await h.db.pool.query<{ item_id: string }>(
      "SELECT item_id FROM judgments WHERE project_id = $1 AND superseded_at IS NULL LIMIT 1",
      [projectId],
    )
  ).rows[0]!.item_id;
  expect(itemIds).toContain(answeredItem);
  await age(projectId);
  await h.db.pool.query("UPDATE items SET is_gold = true WHERE id = $1", [answeredItem]);
  expect((await expectWarmEqualsScratch(projectId)).excluded.goldJudgments).toBeGreaterThan(0);
  await age(projectId);
  await h.db.pool.query("UPDATE items SET is_gold = false WHERE id = $1", [answeredItem]);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(20);

  // Transactions that started 30 s ago and committed only now: their answers carry an
  // older created_at than the warm app's last read, and are still seen.
  await age(projectId);
  await commitLate(c, projectId, 30);
  await commitLate(c, projectId, 30);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(22);
});

it("serves the kept digest: an answer back-dated past the overlap window is not re-read until something else changes", async () => {
  // This is the bound the cache documents (a transaction open for more than 60 s), shown
  // here to prove that the warm app really answers from its kept rows.
  const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
  const { projectId } = await seedProject(h, researcher, annotators, {
    items: 4,
    judgmentsPerItem: 2,
    questions: QUESTIONS,
  });
  // Nothing recent, so the warm app's next read has no item to re-read.
  await answer(annotators[0]!, projectId, 2);
  await age(projectId);
  await commitLate(annotators[1]!, projectId, 600);
  expect((await stats(h.app, projectId)).judgments).toBe(2);
  expect((await fromScratch(projectId)).judgments).toBe(3);
  // An undo (of another, recent answer) only re-reads that answer's item: the back-dated one stays unseen.
  const [recent] = await answer(annotators[0]!, projectId, 1);
  await undo(annotators[0]!, recent!);
  expect((await stats(h.app, projectId)).judgments).toBe(2);
  // An edit of the answers bumps the project's stats epoch: the warm app reads from scratch.
  await age(projectId);
  expect((await stats(h.app, projectId)).judgments).toBe(3);
});

async function undo(annotator: TestUser, judgmentId: string) {
  const res = await other.inject({
    method: "POST",
    url: `/api/v1/judgments/${judgmentId}/undo`,
    headers: bearer(annotator),
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The warm app's reads of the project from scratch so far: the digest's and the progress hours'. */
const fullReads = (projectId: string) => [
  digestFullReads(h.app.db.pool, projectId),
  progressFullReads(h.app.db.pool, projectId),
];

it("re-reads an undone answer's item and hour instead of reading from scratch, even when the undo commits late", async () => {
  const annotators = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
  const [a, b] = annotators as [TestUser, TestUser];
  const { projectId } = await seedProject(h, researcher, annotators, {
    items: 6,
    judgmentsPerItem: 2,
    questions: QUESTIONS,
  });
  await answer(a, projectId, 3);
  await expectWarmEqualsScratch(projectId);
  const reads = fullReads(projectId);
  expect(reads).toEqual([1, 1]);

  // An undo through the other app after the warm app saw the answer.
  const [mine] = await answer(b, projectId, 1);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(4);
  await undo(b, mine!);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(3);
  expect(fullReads(projectId)).toEqual(reads);

  // An undo whose transaction starts before a read of the warm app and commits after it,
  // of an answer created 54 s earlier still (a late commit, written straight into the
  // table, with the item's count it would have raised): that read sees the answer, and
  // the next read must look back past the overlap by the undo window to re-read it.
  await stats(h.app, projectId);
  const late = await commitLate(a, projectId, 54);
  const inserted = Date.now();
  await h.db.pool.query(
    "UPDATE items SET judgments_count = judgments_count + 1 WHERE id = (SELECT item_id FROM judgments WHERE id = $1)",
    [late],
  );
  const lock = await h.db.pool.connect();
  try {
    await lock.query("BEGIN");
    await lock.query("SELECT 1 FROM judgments WHERE id = $1 FOR UPDATE", [late]);
    const undone = undo(a, late);
    // The undo's transaction has started once it waits for the row.
    await expect
      .poll(
        async () =>
          (
            await h.db.pool.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows[0]!.n,
        { timeout: 5000 },
      )
      .toBe(1);
    // Past 60 s after the answer's created_at, so a look-back of the overlap alone misses it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, inserted + 7000 - Date.now())));
    expect((await stats(h.app, projectId)).judgments).toBe(4);
    await lock.query("COMMIT");
    await undone;
  } finally {
    lock.release();
  }
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(3);
  expect(fullReads(projectId)).toEqual(reads);

  // Superseding outside the undo window (an answer from 10 minutes ago, though only 1 s
  // before its superseded_at) or taking an undo back still means a read from scratch.
  const old = await commitLate(b, projectId, 600);
  await h.db.pool.query(
    "UPDATE judgments SET superseded_at = created_at + interval '1 second' WHERE id = $1",
    [old],
  );
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(3);
  expect(fullReads(projectId)).toEqual(reads.map((n) => n + 1));
  await h.db.pool.query("UPDATE judgments SET superseded_at = NULL WHERE id = $1", [late]);
  expect((await expectWarmEqualsScratch(projectId)).judgments).toBe(4);
  expect(fullReads(projectId)).toEqual(reads.map((n) => n + 2));
});
