import { CROWD_PLATFORMS } from "@arbiter/shared";
import type pg from "pg";

/**
 * Erases crowd participants (accounts that came in through a crowd platform's id; a single
 * sign-on link is not one) whose last sign of
 * activity — joining, a session, an answer — is older than `days`, as an admin's erasure with
 * the answers kept would (arbiter_erase_user), each with an audit record of its own. Returns
 * the number erased.
 */
export async function eraseExpiredParticipants(pool: pg.Pool, days: number): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT u.id FROM users u
      WHERE u.erased_at IS NULL
        AND EXISTS (SELECT 1 FROM external_identities e WHERE e.user_id = u.id AND e.platform = ANY ($2))
        AND greatest(u.created_at,
                     (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id),
                     (SELECT max(j.created_at) FROM judgments j WHERE j.annotator_id = u.id))
            < now() - make_interval(days => $1)`,
    [days, CROWD_PLATFORMS],
  );
  let erased = 0;
  for (const { id } of rows) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows: done } = await client.query<{ summary: Record<string, number> | null }>(
        "SELECT arbiter_erase_user($1, false) AS summary",
        [id],
      );
      const summary = done[0]?.summary;
      if (summary) {
        await client.query(
          `INSERT INTO audit_events (action, target_type, target_id, data)
           VALUES ('user.erase', 'user', $1, $2)`,
          [id, { judgments: "kept", reason: "retention", retentionDays: days, ...summary }],
        );
        erased += 1;
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }
  return erased;
}
