import { WEBHOOK_JOBS, webhookJobId } from "@arbiter/jobs";
import type { Queue } from "bullmq";
import type pg from "pg";

/**
 * Moves the outbox onto the queue: deliveries never enqueued, and pending ones enqueued
 * longer ago than `recoverAfterMs` (Redis may have lost their job). The job id is the
 * delivery's, so adding one whose job still exists adds nothing. Returns how many were added.
 */
export async function enqueueDeliveries(
  pool: pg.Pool,
  queue: Queue,
  recoverAfterMs: number,
): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    `UPDATE webhook_deliveries SET enqueued_at = now()
      WHERE id IN (SELECT id FROM webhook_deliveries
                    WHERE status = 'PENDING'
                      AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => $1::float8 / 1000))
                    ORDER BY created_at LIMIT 500)
      RETURNING id`,
    [recoverAfterMs],
  );
  if (rows.length === 0) return 0;
  try {
    await queue.addBulk(
      rows.map(({ id }) => ({
        name: WEBHOOK_JOBS.deliver,
        data: { deliveryId: id },
        opts: { jobId: webhookJobId(id) },
      })),
    );
  } catch (err) {
    // Redis is away: the rows go back to "never enqueued" and the next sweep tries again.
    await pool.query("UPDATE webhook_deliveries SET enqueued_at = NULL WHERE id = ANY($1::uuid[])", [
      rows.map((r) => r.id),
    ]);
    throw err;
  }
  return rows.length;
}

// A judgment's created_at is its transaction's start; one that commits later than a younger
// one would slip behind the cursor, so only judgments older than this are read.
const SETTLE_MS = 2_000;

type TJudgmentRow = {
  id: string;
  project_id: string;
  item_id: string;
  annotator_id: string;
  choice: string | null;
  strength: number | null;
  ranking: unknown;
  counted: boolean;
  created_at: Date;
};

/**
 * judgment.created, read after the fact so that the annotation path writes nothing more:
 * for each endpoint that wants it, the judgments past its cursor (up to `batch`) become one
 * event and one delivery, and the cursor moves, in one transaction. An endpoint another
 * replica is serving is skipped. Returns the events written.
 */
export async function emitJudgmentEvents(pool: pg.Pool, batch: number): Promise<number> {
  const { rows: endpoints } = await pool.query<{ id: string }>(
    "SELECT id FROM webhook_endpoints WHERE active AND 'judgment.created' = ANY (events)",
  );
  let written = 0;
  for (const { id } of endpoints) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows: locked } = await client.query<{
        project_id: string | null;
        judgment_cursor_at: Date;
        judgment_cursor_id: string | null;
      }>(
        `SELECT project_id, judgment_cursor_at, judgment_cursor_id FROM webhook_endpoints
          WHERE id = $1 AND active FOR UPDATE SKIP LOCKED`,
        [id],
      );
      const endpoint = locked[0];
      if (!endpoint) {
        await client.query("ROLLBACK");
        continue;
      }
      const { rows: judgments } = await client.query<TJudgmentRow>(
        `SELECT id, project_id, item_id, annotator_id, choice, strength, ranking, counted, created_at
           FROM judgments
          WHERE ($1::uuid IS NULL OR project_id = $1)
            AND (created_at, id) > ($2::timestamptz, COALESCE($3::uuid, '00000000-0000-0000-0000-000000000000'))
            AND created_at < now() - make_interval(secs => $4::float8 / 1000)
          ORDER BY created_at, id LIMIT $5`,
        [endpoint.project_id, endpoint.judgment_cursor_at, endpoint.judgment_cursor_id, SETTLE_MS, batch],
      );
      const last = judgments.at(-1);
      if (!last) {
        await client.query("ROLLBACK");
        continue;
      }
      const data = {
        projectId: endpoint.project_id,
        judgments: judgments.map((j) => ({
          id: j.id,
          projectId: j.project_id,
          itemId: j.item_id,
          annotatorId: j.annotator_id,
          choice: j.choice,
          strength: j.strength,
          ranking: j.ranking,
          counted: j.counted,
          createdAt: j.created_at.toISOString(),
        })),
      };
      await client.query(
        `WITH ev AS (INSERT INTO webhook_events (project_id, type, data) VALUES ($1, 'judgment.created', $2) RETURNING id)
         INSERT INTO webhook_deliveries (event_id, endpoint_id) SELECT ev.id, $3 FROM ev`,
        [endpoint.project_id, JSON.stringify(data), id],
      );
      await client.query(
        "UPDATE webhook_endpoints SET judgment_cursor_at = $2, judgment_cursor_id = $3 WHERE id = $1",
        [id, last.created_at, last.id],
      );
      await client.query("COMMIT");
      written += 1;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return written;
}
