import { withTransaction } from "@arbiter/db";
import type pg from "pg";
import { type DigestRow, digestSql, parseItems } from "./digest-sql";
import { itemSides } from "./item-sides";
import { PairwiseTally, type TallySnapshot } from "./pairwise-tally";
import { FULL_EVERY_MS, LOOK_BACK_SECONDS, projectCache } from "./project-cache";
import { EXCLUDED_ANNOTATORS } from "./scope";

/**
 * A pairwise project's per-item digest rows as of `readAt` (the database's clock) and
 * their tally, with what they were computed under: the aspects asked for, the project's
 * stats epoch and the excluded annotators.
 */
type Digest = {
  key: string;
  readAt: Date;
  fullAt: Date;
  rows: Map<string, DigestRow>;
  tally: PairwiseTally;
};

/**
 * Answers are only ever appended (created_at is indexed per project), so a process keeps
 * each project's digest and, on a request, re-reads only the items that got an answer
 * since its last read. Re-reading an item replaces its row, so reading one twice is
 * harmless.
 *
 * created_at is the writing transaction's start, and a transaction can commit after a
 * later read: an answer not visible at a read made at time T was written by a
 * transaction that started before T and was still open then. Re-reading from T minus
 * OVERLAP therefore misses only answers whose transaction stayed open longer than OVERLAP
 * (answers are written in short transactions; an import that held one open for minutes
 * is the case this does not cover), and FULL_EVERY bounds even that: past it, the whole
 * project is read again.
 *
 * Undo is frequent and sets superseded_at on an answer created at most UNDO_WINDOW_SECONDS
 * before the undo's transaction started (undo-skip.ts refuses older ones, and the
 * judgments update trigger of migration 20261129232000_stats_epoch_undo checks the same,
 * so keep the two in sync). An undo not yet visible at a read at T started after
 * T - OVERLAP, so its answer was created after T - OVERLAP - UNDO_WINDOW_SECONDS: the
 * re-read looks back that far (LOOK_BACK), re-reads the undone answer's item, and the
 * digest statement drops superseded answers as the full read does. Such an undo bumps no
 * epoch.
 *
 * Everything else the digest depends on is compared on each request, through the
 * database, so that a change made by any API process is seen by all: projects.stats_epoch
 * (bumped by triggers on any other edit or deletion of a judgment, and an item's gold
 * flag) and the list of excluded annotators (quarantine, rejection, suspension), read in
 * the same snapshot as the rows. Any difference means a read from scratch.
 */
// Past this many changed items, one scan of the project is cheaper than reading them by id.
const BY_ID_LIMIT = 5000;

// `busy` is the request updating the digest now, if any: requests for one project take turns.
// `fullReads` counts reads from scratch, for tests to tell them from re-reads.
const digests = projectCache<{ digest?: Digest; busy: Promise<unknown>; fullReads: number }>(4, () => ({
  busy: Promise.resolve(),
  fullReads: 0,
}));

/** How many times this process read the project's digest from scratch (tests observe the cache with it). */
export function digestFullReads(pool: pg.Pool, projectId: string): number {
  return digests(pool, projectId).fullReads;
}

type Basis = { read_at: Date; epoch: string; excluded: string | null };

const BASIS = `
  SELECT now() AS read_at, p.stats_epoch::text AS epoch,
         (SELECT string_agg(e.user_id::text, ',' ORDER BY e.user_id) FROM (${EXCLUDED_ANNOTATORS}) e) AS excluded
    FROM projects p WHERE p.id = $1`;

const CHANGED = `
  SELECT DISTINCT item_id FROM judgments
   WHERE project_id = $1 AND created_at > $2::timestamptz - interval '${LOOK_BACK_SECONDS} seconds'`;

/** The tally of the project's valid answers, from the one kept since the last request and the items that changed. */
export function pairwiseTally(pool: pg.Pool, projectId: string, aspects: string[]): Promise<TallySnapshot> {
  const slot = digests(pool, projectId);
  const run = slot.busy.then(async () => {
    slot.digest = await refresh(pool, projectId, aspects, slot.digest);
    // A read from scratch starts its digest with fullAt the very Date of its readAt.
    if (slot.digest.fullAt === slot.digest.readAt) slot.fullReads += 1;
    return slot.digest.tally.snapshot();
  });
  slot.busy = run.catch(() => {});
  return run;
}

/** A tally of every row; the item classes are read for items not seen before. */
async function tallyOf(pool: pg.Pool, projectId: string, aspects: number, rows: Map<string, DigestRow>) {
  const tally = new PairwiseTally(await itemSides(pool, projectId, [...rows.keys()]), aspects);
  for (const [id, row] of rows) tally.add(id, row, 1);
  return tally;
}

async function refresh(
  pool: pg.Pool,
  projectId: string,
  aspects: string[],
  kept: Digest | undefined,
): Promise<Digest> {
  // One snapshot for the basis and the rows, so the rows are exactly those of that basis.
  return withTransaction(pool, async (client) => {
    await client.query(
      "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off",
    );
    const { rows: basisRows } = await client.query<Basis>(BASIS, [projectId]);
    const basis = basisRows[0];
    const key = `${basis?.epoch}|${basis?.excluded ?? ""}|${aspects.join(",")}`;
    const read = async (byItems: string[] | null) => {
      // A deleted project has nothing to digest.
      if (!basis) return new Map<string, DigestRow>();
      const { rows } = await client.query<{ items: string | null }>(
        digestSql(aspects.length, byItems !== null),
        [projectId, ...aspects, ...(byItems ? [byItems] : [])],
      );
      return new Map(parseItems(rows[0]!.items ?? "", 1 + 4 * aspects.length));
    };
    const readAt = basis?.read_at ?? new Date();
    const fresh = kept && kept.key === key && readAt.getTime() - kept.fullAt.getTime() < FULL_EVERY_MS;
    if (fresh) {
      const { rows } = await client.query<{ item_id: string }>(CHANGED, [projectId, kept.readAt]);
      if (rows.length <= BY_ID_LIMIT) {
        const changed = rows.map((r) => r.item_id);
        const now = changed.length > 0 ? await read(changed) : new Map<string, DigestRow>();
        const sides = await itemSides(pool, projectId, [...now.keys()]);
        // An item whose answers no longer digest to a row (none valid) loses its row.
        for (const id of changed) {
          const old = kept.rows.get(id);
          if (old) kept.tally.add(id, old, -1);
          kept.rows.delete(id);
        }
        for (const [id, row] of now) {
          kept.rows.set(id, row);
          kept.tally.add(id, row, 1);
        }
        // The item classes were dropped (too many projects in between) and read again
        // under new numbers: tally the kept rows afresh.
        const tally =
          sides === kept.tally.sides ? kept.tally : await tallyOf(pool, projectId, aspects.length, kept.rows);
        return { ...kept, readAt, tally };
      }
    }
    const rows = await read(null);
    return { key, readAt, fullAt: readAt, rows, tally: await tallyOf(pool, projectId, aspects.length, rows) };
  });
}
