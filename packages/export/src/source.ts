import type { Db } from "@arbiter/db";
import { ZQualityRules } from "@arbiter/shared";
import type pg from "pg";
import type { ExportCompletion, ExportItem, ExportJudgment } from "./types";

// One row per item with its completions and judgments as JSON arrays: each prompt and
// completion text crosses the wire once, however many judgments the item has. Set-based
// joins (hash joins, sorts) instead of a subquery per item: per-item index lookups
// touch the tables in random uuid order and were three times slower at scale. Items come
// in id order; completions (by position) and judgments (oldest first) are put in order
// here rather than by ORDER BY inside the aggregates, which costs Postgres a sort per
// item. So the same data always reads the same.
// Only the raw format needs the shown order, ratings, rationale and the like; the others
// read a prefix of the same arrays and skip the assignments join.
// Projects store their quality rules parsed, but ones made before the rule existed lack it.
const DEFAULT_FAST_SECONDS = ZQualityRules.parse({}).fastSeconds;
export const TOO_FAST = `COALESCE(j.duration_ms < (SELECT COALESCE((qualification->>'fastSeconds')::float8, ${DEFAULT_FAST_SECONDS}) * 1000
                                          FROM projects WHERE id = $1), false)`;

/** The columns of an item's completions and judgments, as `toItem` reads them. */
export function itemColumns(full: boolean): { completion: string; judgment: string } {
  // Arena completions carry their side's earlier conversation and the screening flag; other
  // completions add a null.
  const arena = `CASE WHEN c.metadata ? 'arena' OR c.metadata ? 'screening'
    THEN json_build_object('context', c.metadata -> 'arena' -> 'context', 'screening', c.metadata -> 'screening') END`;
  const completion = full
    ? `c.id, c.text, c.model, ic.position, c.generator_id, c.params, ${arena}`
    : `c.id, c.text, c.model, ic.position, NULL, NULL, ${arena}`;
  // The too-fast mark comes seventh in both shapes, so a row's length tells them apart.
  const judgment = full
    ? `j.id, j.annotator_id, j.choice, j.strength, j.ranking, j.created_at, ${TOO_FAST}, a.shown_order, j.aspects,
       j.rationale, j.flags, j.duration_ms, j.counted, j.late, j.gold_correct, a.created_at`
    : `j.id, j.annotator_id, j.choice, j.strength, j.ranking, j.created_at, ${TOO_FAST}`;
  return { completion, judgment };
}

function itemsSql(full: boolean): string {
  const { completion, judgment } = itemColumns(full);
  return `
SELECT i.id, i.is_gold, i.status = 'DISABLED' AS retired, p.content_hash, p.text, p.messages, ic.completions, jj.judgments
  FROM items i
  JOIN prompts p ON p.id = i.prompt_id
  LEFT JOIN (SELECT ic.item_id, json_agg(json_build_array(${completion})) AS completions
               FROM item_completions ic
               JOIN completions c ON c.id = ic.completion_id
               JOIN items ii ON ii.id = ic.item_id
              WHERE ii.project_id = $1
              GROUP BY ic.item_id) ic ON ic.item_id = i.id
  LEFT JOIN (SELECT j.item_id, json_agg(json_build_array(${judgment})) AS judgments
               FROM judgments j
               ${full ? "JOIN assignments a ON a.id = j.assignment_id" : ""}
              WHERE j.project_id = $1 AND j.superseded_at IS NULL
              GROUP BY j.item_id) jj ON jj.item_id = i.id
 WHERE i.project_id = $1
 ORDER BY i.id`;
}

// Suspended users, and annotators quarantined or rejected in the project: few, so they
// are read once and looked up in memory.
export const UNTRUSTED_SQL = `
SELECT id FROM users WHERE status = 'SUSPENDED'
UNION
SELECT user_id FROM annotator_states WHERE project_id = $1 AND status IN ('QUARANTINED', 'REJECTED')`;

const FETCH_ROWS = 500;

export type ItemRow = {
  id: string;
  is_gold: boolean;
  retired: boolean;
  content_hash: string;
  text: string | null;
  messages: { role: "system" | "user" | "assistant"; content: string }[] | null;
  completions: [string, string, string, number, (string | null)?, unknown?, ArenaColumn?][] | null;
  judgments: unknown[][] | null;
};

type ArenaColumn = {
  context: ExportCompletion["context"] | null;
  screening: ExportCompletion["screening"] | null;
} | null;

const iso = (t: string) => new Date(t).toISOString();

function toJudgment(r: unknown[], untrusted: Set<string>): ExportJudgment {
  const full = r.length > 7;
  return {
    id: r[0] as string,
    annotatorId: r[1] as string,
    untrusted: untrusted.has(r[1] as string),
    choice: r[2] as ExportJudgment["choice"],
    strength: r[3] as number | null,
    ranking: r[4] as string[][] | null,
    createdAt: iso(r[5] as string),
    tooFast: r[6] as boolean,
    shownOrder: full ? (r[7] as string[]) : [],
    aspects: full ? (r[8] as ExportJudgment["aspects"]) : null,
    rationale: full ? (r[9] as string | null) : null,
    flags: full ? ((r[10] as string[] | null) ?? []) : [],
    durationMs: full ? (r[11] as number | null) : null,
    counted: full ? (r[12] as boolean) : true,
    late: full ? (r[13] as boolean) : false,
    goldCorrect: full ? (r[14] as boolean | null) : null,
    shownAt: full ? iso(r[15] as string) : "",
  };
}

export type Lookups = { untrusted: Set<string>; generators: Map<string, string> };

export function toItem(row: ItemRow, { untrusted, generators }: Lookups): ExportItem {
  return {
    id: row.id,
    isGold: row.is_gold,
    retired: row.retired,
    promptHash: row.content_hash,
    prompt: row.messages ? { messages: row.messages } : { text: row.text ?? "" },
    completions: (row.completions ?? [])
      .sort((a, b) => a[3] - b[3])
      .map(
        ([id, text, model, , generatorId, params, arena]): ExportCompletion => ({
          id,
          text,
          model,
          generator: generatorId ? (generators.get(generatorId) ?? null) : null,
          params: params ?? {},
          ...(arena?.context?.length ? { context: arena.context } : {}),
          ...(arena?.screening ? { screening: arena.screening } : {}),
        }),
      ),
    judgments: (row.judgments ?? [])
      .map((j) => toJudgment(j, untrusted))
      .sort((a, b) =>
        a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
      ),
  };
}

/** The untrusted annotators and generator names of a project, read once per export. */
export async function readLookups(client: pg.ClientBase, projectId: string): Promise<Lookups> {
  const untrusted = await client.query<{ id: string }>(UNTRUSTED_SQL, [projectId]);
  const generators = await client.query<{ id: string; name: string }>(
    "SELECT id, name FROM generators WHERE project_id = $1",
    [projectId],
  );
  return {
    untrusted: new Set(untrusted.rows.map((r) => r.id)),
    generators: new Map(generators.rows.map((g) => [g.id, g.name])),
  };
}

/**
 * Streams a project's items through a server-side cursor inside one read-only,
 * repeatable-read transaction: the whole export sees one snapshot, and memory holds one
 * batch at a time whatever the project's size.
 */
export async function* readItems(
  pool: Db["pool"],
  projectId: string,
  onTotal: (items: number) => void,
  /** Everything the raw format shows; the other formats need less. */
  full = true,
  /** Runs in the same snapshot before the first item is read (the Dawid–Skene fit's first pass). */
  prepare?: (client: pg.ClientBase, lookups: Lookups) => Promise<void>,
): AsyncGenerator<ExportItem[]> {
  const client = await pool.connect();
  let healthy = false;
  let next: Promise<{ rows: ItemRow[] }> | undefined;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // Timestamps inside json_build_array are rendered in the session's time zone.
    await client.query("SET LOCAL TimeZone = 'UTC'");
    // Sorts of a large project spill to disk below this; it applies to this transaction only.
    await client.query("SET LOCAL work_mem = '64MB'");
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM items WHERE project_id = $1",
      [projectId],
    );
    onTotal(rows[0]!.n);
    const lookups = await readLookups(client, projectId);
    await prepare?.(client, lookups);
    await client.query({
      text: `DECLARE export_items NO SCROLL CURSOR FOR ${itemsSql(full)}`,
      values: [projectId],
    });
    const fetch = () => client.query<ItemRow>(`FETCH ${FETCH_ROWS} FROM export_items`);
    // The next batch is asked for before this one is handed out, so that Postgres and
    // Node work at the same time.
    next = fetch();
    for (;;) {
      const batch = await next;
      if (batch.rows.length === 0) break;
      next = fetch();
      yield batch.rows.map((row) => toItem(row, lookups));
    }
    await client.query("COMMIT");
    healthy = true;
  } finally {
    // A fetch still in flight when the consumer stopped fails with the connection.
    next?.catch(() => {});
    // A connection left mid-transaction (error, or the consumer stopped early) is discarded.
    client.release(healthy ? undefined : true);
  }
}
