import type pg from "pg";
import type { ExportCompletion, ExportItem, ExportJudgment } from "./types";

// One row per item with its completions and judgments as JSON arrays: each prompt and
// completion text crosses the wire once, however many judgments the item has. Items
// come in id order and judgments oldest first, so the same data always reads the same.
const ITEMS_SQL = `
SELECT i.id, i.is_gold, p.content_hash, p.text, p.messages,
  (SELECT json_agg(json_build_array(c.id, c.text, c.model, g.name, c.params) ORDER BY ic.position)
     FROM item_completions ic
     JOIN completions c ON c.id = ic.completion_id
     LEFT JOIN generators g ON g.id = c.generator_id
    WHERE ic.item_id = i.id) AS completions,
  (SELECT json_agg(json_build_array(j.id, j.annotator_id,
            u.status = 'SUSPENDED' OR coalesce(s.status IN ('QUARANTINED', 'REJECTED'), false),
            j.choice, j.strength, j.ranking, a.shown_order, j.aspects, j.rationale, j.flags, j.duration_ms,
            j.counted, j.late, j.gold_correct, a.created_at, j.created_at) ORDER BY j.created_at, j.id)
     FROM judgments j
     JOIN assignments a ON a.id = j.assignment_id
     JOIN users u ON u.id = j.annotator_id
     LEFT JOIN annotator_states s ON s.project_id = j.project_id AND s.user_id = j.annotator_id
    WHERE j.item_id = i.id AND j.superseded_at IS NULL) AS judgments
FROM items i JOIN prompts p ON p.id = i.prompt_id
WHERE i.project_id = $1
ORDER BY i.id`;

const FETCH_ROWS = 500;

type ItemRow = {
  id: string;
  is_gold: boolean;
  content_hash: string;
  text: string | null;
  messages: { role: "system" | "user" | "assistant"; content: string }[] | null;
  completions: [string, string, string, string | null, unknown][] | null;
  judgments: unknown[][] | null;
};

const iso = (t: string) => new Date(t).toISOString();

function toJudgment(r: unknown[]): ExportJudgment {
  return {
    id: r[0] as string,
    annotatorId: r[1] as string,
    untrusted: r[2] as boolean,
    choice: r[3] as ExportJudgment["choice"],
    strength: r[4] as number | null,
    ranking: r[5] as string[][] | null,
    shownOrder: r[6] as string[],
    aspects: r[7] as ExportJudgment["aspects"],
    rationale: r[8] as string | null,
    flags: (r[9] as string[] | null) ?? [],
    durationMs: r[10] as number | null,
    counted: r[11] as boolean,
    late: r[12] as boolean,
    goldCorrect: r[13] as boolean | null,
    shownAt: iso(r[14] as string),
    createdAt: iso(r[15] as string),
  };
}

function toItem(row: ItemRow): ExportItem {
  return {
    id: row.id,
    isGold: row.is_gold,
    promptHash: row.content_hash,
    prompt: row.messages ? { messages: row.messages } : { text: row.text ?? "" },
    completions: (row.completions ?? []).map(
      ([id, text, model, generator, params]): ExportCompletion => ({ id, text, model, generator, params }),
    ),
    judgments: (row.judgments ?? []).map(toJudgment),
  };
}

/**
 * Streams a project's items through a server-side cursor inside one read-only,
 * repeatable-read transaction: the whole export sees one snapshot, and memory holds one
 * batch at a time whatever the project's size.
 */
export async function* readItems(
  pool: pg.Pool,
  projectId: string,
  onTotal: (items: number) => void,
): AsyncGenerator<ExportItem[]> {
  const client = await pool.connect();
  let healthy = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Timestamps inside json_build_array are rendered in the session's time zone.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM items WHERE project_id = $1",
      [projectId],
    );
    onTotal(rows[0]!.n);
    await client.query({
      text: `DECLARE export_items NO SCROLL CURSOR FOR ${ITEMS_SQL}`,
      values: [projectId],
    });
    for (;;) {
      const batch = await client.query<ItemRow>(`FETCH ${FETCH_ROWS} FROM export_items`);
      if (batch.rows.length === 0) break;
      yield batch.rows.map(toItem);
    }
    await client.query("COMMIT");
    healthy = true;
  } finally {
    // A connection left mid-transaction (error, or the consumer stopped early) is discarded.
    client.release(healthy ? undefined : true);
  }
}
