import { randomUUID } from "node:crypto";
import type pg from "pg";
import { call, httpPool } from "../load";

type TAssignment = { id: string; options: { key: string; text: string }[] };
export type TAnswer = { choice: "A" | "B" } | { ranking: string[][] };

/**
 * Every simulated annotator loops lease → answer through the API, as the labeling page does,
 * until no item of the project is open. An annotator with nothing to do waits and asks again:
 * under dynamic overlap, items at their wanted count wait for the estimating job to decide.
 */
export async function driveCrowd(opts: {
  url: string;
  db: pg.Pool;
  projectId: string;
  tokens: string[];
  answer: (annotator: number, options: string[]) => TAnswer;
  /** Stops early once this many judgments are stored (the leaderboard runs have a budget). */
  budget?: number;
}) {
  const http = httpPool(opts.url, opts.tokens.length);
  let stopped = false;
  let lastCheck = 0;
  let checking: Promise<void> | undefined;
  const check = () => {
    if (Date.now() - lastCheck < 250) return checking ?? Promise.resolve();
    lastCheck = Date.now();
    checking = opts.db
      .query<{ open: number; judged: number }>(
        `SELECT (SELECT count(*) FROM items WHERE project_id = $1 AND status = 'OPEN')::int AS open,
                (SELECT count(*) FROM judgments WHERE project_id = $1)::int AS judged`,
        [opts.projectId],
      )
      .then(({ rows }) => {
        if (rows[0]!.open === 0 || (opts.budget !== undefined && rows[0]!.judged >= opts.budget))
          stopped = true;
      });
    return checking;
  };
  await Promise.all(
    opts.tokens.map(async (token, annotator) => {
      const headers = { authorization: `Bearer ${token}` };
      let next: TAssignment | null = null;
      while (!stopped) {
        if (!next) {
          const got = await call(http, "POST", `/api/v1/projects/${opts.projectId}/assignments`, headers);
          if (got.status === 201) next = got.body.assignment;
          else if (got.status === 204) {
            await check();
            await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
            continue;
          } else throw new Error(`lease answered ${got.status}: ${JSON.stringify(got.body)}`);
        }
        const body = {
          ...opts.answer(
            annotator,
            next!.options.map((o) => o.text),
          ),
          durationMs: 4000,
        };
        const judged = await call(
          http,
          "POST",
          `/api/v1/assignments/${next!.id}/judgment`,
          { ...headers, "idempotency-key": randomUUID() },
          body,
        );
        if (judged.status !== 201)
          throw new Error(`judgment answered ${judged.status}: ${JSON.stringify(judged.body)}`);
        next = judged.body.next;
        if (opts.budget !== undefined) await check();
      }
    }),
  );
  await http.close();
}
