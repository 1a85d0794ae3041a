import type pg from "pg";
import { bucketOf } from "./games";
import { projectCache } from "./project-cache";

/** One completion of a pairwise item as the statistics name it: its generator, else its imported model. */
type Contestant = { generatorId: string | null; model: string };

/**
 * What the statistics need to know about a pairwise item besides its answers: which
 * completion (lo/hi = the smaller/greater id) was uploaded first, who wrote each, their
 * length buckets and which is longer. Many items share one such class.
 */
export type SideClass = {
  loIsA: boolean;
  lo: Contestant;
  hi: Contestant;
  loBucket: number;
  hiBucket: number;
  /** Sign of lo length - hi length. */
  longer: number;
};

export type ProjectSides = { classOf: Map<string, number>; classes: SideClass[]; keys: Map<string, number> };

type SideRow = { item_id: string; a_id: string; a_gen: string | null; a_model: string; a_len: number } & {
  b_id: string;
  b_gen: string | null;
  b_model: string;
  b_len: number;
};

// Per item: the completion at each canonical position, pivoted into one row. octet_length
// reads the stored size without decompressing long texts.
const SIDES = (where: string) => `
  SELECT ic.item_id,
         max(c.id::text) FILTER (WHERE ic.position = 0) AS a_id,
         max(c.generator_id::text) FILTER (WHERE ic.position = 0) AS a_gen,
         max(c.model) FILTER (WHERE ic.position = 0) AS a_model,
         max(octet_length(c.text)) FILTER (WHERE ic.position = 0) AS a_len,
         max(c.id::text) FILTER (WHERE ic.position = 1) AS b_id,
         max(c.generator_id::text) FILTER (WHERE ic.position = 1) AS b_gen,
         max(c.model) FILTER (WHERE ic.position = 1) AS b_model,
         max(octet_length(c.text)) FILTER (WHERE ic.position = 1) AS b_len
    FROM item_completions ic JOIN completions c ON c.id = ic.completion_id
   WHERE ${where}
   GROUP BY ic.item_id
  HAVING count(*) FILTER (WHERE ic.position IN (0, 1)) = 2`;

const BY_PROJECT = SIDES("ic.item_id IN (SELECT i.id FROM items i WHERE i.project_id = $1)");
const BY_ITEMS = SIDES("ic.item_id = ANY($1::uuid[])");

/**
 * Which completions an item pits against each other never changes once the item exists
 * (item_completions rows are only ever inserted, completions are immutable), yet joining
 * every answered item to its completions was a third of the statistics' time. So each
 * item's class is kept per project in memory and read only for items not seen before;
 * model names are looked up per request, because a generator can be renamed.
 */
const projectSides = projectCache<ProjectSides>(8, () => ({
  classOf: new Map(),
  classes: [],
  keys: new Map(),
}));
// Past this many unknown items, one scan of the project beats a list of ids.
const BY_ID_LIMIT = 2000;

function classify(sides: ProjectSides, r: SideRow) {
  const a = { generatorId: r.a_gen, model: r.a_model };
  const b = { generatorId: r.b_gen, model: r.b_model };
  // Canonical uuid text sorts like the uuids themselves.
  const loIsA = r.a_id < r.b_id;
  const [lo, hi, loLen, hiLen] = loIsA ? [a, b, r.a_len, r.b_len] : [b, a, r.b_len, r.a_len];
  const side = {
    loIsA,
    lo,
    hi,
    loBucket: bucketOf(loLen),
    hiBucket: bucketOf(hiLen),
    longer: Math.sign(loLen - hiLen),
  };
  const key = JSON.stringify(side);
  let id = sides.keys.get(key);
  if (id === undefined) {
    id = sides.classes.length;
    sides.classes.push(side);
    sides.keys.set(key, id);
  }
  sides.classOf.set(r.item_id, id);
}

/** The project's item classes, read first for any of `itemIds` not seen before; items without two completions have none. */
export async function itemSides(pool: pg.Pool, projectId: string, itemIds: string[]): Promise<ProjectSides> {
  const sides = projectSides(pool, projectId);
  const unknown = itemIds.filter((id) => !sides.classOf.has(id));
  if (unknown.length === 0) return sides;
  const byProject = unknown.length > BY_ID_LIMIT;
  const { rows } = await pool.query<SideRow>(byProject ? BY_PROJECT : BY_ITEMS, [
    byProject ? projectId : unknown,
  ]);
  for (const r of rows) classify(sides, r);
  return sides;
}

/** Model names as the statistics show them: the generator's current name, else the imported model name. */
export async function modelNames(pool: pg.Pool, classes: SideClass[]) {
  const generatorIds = new Set<string>();
  for (const s of classes) {
    if (s.lo.generatorId) generatorIds.add(s.lo.generatorId);
    if (s.hi.generatorId) generatorIds.add(s.hi.generatorId);
  }
  const names = new Map<string, string>();
  if (generatorIds.size > 0) {
    const { rows } = await pool.query<{ id: string; name: string }>(
      "SELECT id, name FROM generators WHERE id = ANY($1::uuid[])",
      [[...generatorIds]],
    );
    for (const r of rows) names.set(r.id, r.name);
  }
  return (c: Contestant) => (c.generatorId ? (names.get(c.generatorId) ?? c.model) : c.model);
}
