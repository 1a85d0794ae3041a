/** Anything with pg's query(text, values): a Pool, a Client. */
type TQueryable = { query(text: string, values?: unknown[]): Promise<unknown> };

/**
 * Moves an assignment's hand-out `ms` into the past. The server stores an answer's time as
 * the smaller of the client's durationMs and the time since the hand-out, so a test or
 * seeder that means "this annotator read for 15 s" answering at once says so here.
 */
export async function backdateAssignment(db: TQueryable, assignmentId: string, ms: number): Promise<void> {
  await db.query(
    `UPDATE assignments SET created_at = created_at - make_interval(secs => $2::double precision / 1000)
      WHERE id = $1::uuid`,
    [assignmentId, ms],
  );
}
