import { type Db, withTransaction } from "@arbiter/db";
import { UNDO_WINDOW_SECONDS } from "@arbiter/shared";
import { conflict, notFound } from "../../lib/http-error";

/**
 * Takes back an answer within the undo window while its item is open — or was closed by
 * this very answer. The judgment is kept, marked superseded; its count is returned to
 * the item and the assignment reopens with the same option order.
 */
export async function undoJudgment(db: Db, annotatorId: string, judgmentId: string): Promise<string> {
  return withTransaction(db.pool, async (tx) => {
    const { rows } = await tx.query<{
      assignment_id: string;
      item_id: string;
      annotator_id: string;
      superseded: boolean;
      expired: boolean;
      counted: boolean;
      created_at: Date;
    }>(
      `SELECT assignment_id, item_id, annotator_id, superseded_at IS NOT NULL AS superseded, counted, created_at,
              created_at < now() - make_interval(secs => $2) AS expired
         FROM judgments WHERE id = $1 FOR UPDATE`,
      [judgmentId, UNDO_WINDOW_SECONDS],
    );
    const judgment = rows[0];
    if (!judgment || judgment.annotator_id !== annotatorId) throw notFound("Judgment");
    if (judgment.superseded) throw conflict("already_undone", "This answer was already taken back");
    if (judgment.expired)
      throw conflict("undo_window_passed", `Answers can be undone for ${UNDO_WINDOW_SECONDS} s`);
    const item = await tx.query<{ status: string; completed_at: Date | null; lease_seconds: number }>(
      `SELECT i.status, i.completed_at, p.lease_seconds FROM items i JOIN projects p ON p.id = i.project_id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [judgment.item_id],
    );
    const { status, completed_at, lease_seconds } = item.rows[0]!;
    const closedByThis = status === "COMPLETE" && completed_at?.getTime() === judgment.created_at.getTime();
    if (status !== "OPEN" && !closedByThis) {
      throw conflict(
        "item_closed",
        "The item was completed by other answers; this one can no longer be undone",
      );
    }
    await tx.query("UPDATE judgments SET superseded_at = now() WHERE id = $1", [judgmentId]);
    if (judgment.counted) {
      await tx.query(
        `UPDATE items SET judgments_count = judgments_count - 1, status = 'OPEN', completed_at = NULL WHERE id = $1`,
        [judgment.item_id],
      );
    }
    await tx.query(
      `UPDATE assignments SET status = 'ACTIVE', closed_at = NULL, expires_at = now() + make_interval(secs => $2)
        WHERE id = $1`,
      [judgment.assignment_id, lease_seconds],
    );
    return judgment.assignment_id;
  });
}

/** Gives an assignment back: the item returns to the queue, never to this annotator. */
export async function skipAssignment(
  db: Db,
  annotatorId: string,
  assignmentId: string,
  reason: string | undefined,
): Promise<string> {
  const { rows } = await db.pool.query<{ project_id: string; annotator_id: string; status: string }>(
    "SELECT project_id, annotator_id, status FROM assignments WHERE id = $1",
    [assignmentId],
  );
  const assignment = rows[0];
  if (!assignment || assignment.annotator_id !== annotatorId) throw notFound("Assignment");
  if (assignment.status === "SUBMITTED")
    throw conflict("already_judged", "This assignment was already answered");
  await db.pool.query(
    `UPDATE assignments SET status = 'SKIPPED', closed_at = now(), skip_reason = $2 WHERE id = $1 AND status = 'ACTIVE'`,
    [assignmentId, reason ?? null],
  );
  return assignment.project_id;
}
