import type { Db } from "@arbiter/db";

export type StoredJudgment = {
  assignment_id: string;
  choice: string | null;
  strength: number | null;
  ranking: unknown;
  superseded: boolean;
  idempotency_key: string;
};

/** What the database holds for one annotator, oldest first. */
export async function judgmentsOf(db: Db, email: string): Promise<StoredJudgment[]> {
  const { rows } = await db.pool.query<StoredJudgment>(
    `SELECT j.assignment_id, j.choice, j.strength, j.ranking, j.superseded_at IS NOT NULL AS superseded,
            j.idempotency_key
       FROM judgments j JOIN users u ON u.id = j.annotator_id
      WHERE u.email = $1 ORDER BY j.created_at`,
    [email],
  );
  return rows;
}

/** A stored ranking (completion ids) in the option keys the annotator saw (A = first shown). */
export async function rankingAsShown(db: Db, judgment: StoredJudgment | undefined): Promise<string[][]> {
  if (!judgment) return [];
  const { rows } = await db.pool.query<{ shown_order: string[] }>(
    "SELECT shown_order FROM assignments WHERE id = $1",
    [judgment.assignment_id],
  );
  const order = rows[0]?.shown_order ?? [];
  return (judgment.ranking as string[][]).map((group) =>
    group.map((id) => "ABCDEFGHI"[order.indexOf(id)] ?? "?"),
  );
}
