import { VALID_JUDGMENT } from "./scope";

/**
 * Per item, as text (id and numbers joined by commas, items by semicolons; concat_ws skips nulls, so
 * no number may be null), its answers counted by winner (lo/hi = the completion with the smaller/greater
 * id) and strength, plus ties, "both bad", wins of the option shown first, and per aspect
 * the ratings' sum and count of each side. One pass over the judgments alone: a judgment's
 * ranking already holds the winning completion (resolved from the shown order when it was
 * recorded), so neither the assignments nor the completions are joined, and only one
 * compact row per item reaches Node.
 *
 * The side a shown key rates (A = shown first) follows from the ranking too, except for
 * "both bad", which has none: only those answers look up their assignment.
 *
 * With `byItems`, only the items in the uuid array after the aspect keys are read
 * (through the judgments' item_id index): the items that got new answers.
 */
export function digestSql(aspects: number, byItems: boolean): string {
  const ks = Array.from({ length: aspects }, (_, k) => k);
  const ratings = ks.map(
    (k) => `(aspects -> lo_key ->> $${k + 2}::text)::float8 AS lo_${k},
            (aspects -> CASE lo_key WHEN 'A' THEN 'B' ELSE 'A' END ->> $${k + 2}::text)::float8 AS hi_${k}`,
  );
  const sums = ks.map(
    (k) => `COALESCE(sum(lo_${k}), 0) AS lo_sum_${k}, count(lo_${k}) AS lo_n_${k},
            COALESCE(sum(hi_${k}), 0) AS hi_sum_${k}, count(hi_${k}) AS hi_n_${k}`,
  );
  const columns = ks.map((k) => `lo_sum_${k}, lo_n_${k}, hi_sum_${k}, hi_n_${k}`);
  const loKey = aspects
    ? `CASE WHEN j.aspects IS NULL THEN NULL
            WHEN j.choice = 'A' THEN CASE WHEN ${LO_WON} THEN 'A' ELSE 'B' END
            WHEN j.choice = 'B' THEN CASE WHEN ${LO_WON} THEN 'B' ELSE 'A' END
            WHEN j.choice = 'tie' THEN CASE WHEN (j.ranking->0->>0) COLLATE "C" < (j.ranking->0->>1) COLLATE "C"
                                            THEN 'A' ELSE 'B' END
            ELSE (SELECT CASE WHEN a.shown_order[1] < a.shown_order[2] THEN 'A' ELSE 'B' END
                    FROM assignments a WHERE a.id = j.assignment_id) END`
    : "NULL";
  const list = (items: string[]) => items.map((x) => `, ${x}`).join("");
  // code: 0-3 lo won at strength 1-4, 4-7 hi won, 8 tie, 9 both bad. The OFFSET 0 fences
  // keep each answer's code and ratings computed once, below the aggregation, instead of
  // once in every aggregate that reads them (four times slower).
  return `
  SELECT string_agg(concat_ws(',', item_id, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, first ${list(columns)}), ';')
           AS items
    FROM (
      SELECT item_id,
             count(*) FILTER (WHERE code = 0) AS c0, count(*) FILTER (WHERE code = 1) AS c1,
             count(*) FILTER (WHERE code = 2) AS c2, count(*) FILTER (WHERE code = 3) AS c3,
             count(*) FILTER (WHERE code = 4) AS c4, count(*) FILTER (WHERE code = 5) AS c5,
             count(*) FILTER (WHERE code = 6) AS c6, count(*) FILTER (WHERE code = 7) AS c7,
             count(*) FILTER (WHERE code = 8) AS c8, count(*) FILTER (WHERE code = 9) AS c9,
             count(*) FILTER (WHERE first) AS first ${list(sums)}
        FROM (
          SELECT item_id, code, first ${list(ratings)}
            FROM (
              SELECT j.item_id, j.aspects, j.choice = 'A' AS first,
                     CASE WHEN j.choice = 'tie' THEN 8
                          WHEN j.choice = 'both_bad' THEN 9
                          WHEN COALESCE(j.strength, 1) BETWEEN 1 AND 4
                          THEN CASE WHEN ${LO_WON} THEN 0 WHEN NOT ${LO_WON} THEN 4 END + COALESCE(j.strength, 1) - 1
                     END AS code,
                     ${loKey} AS lo_key
                FROM judgments j
               WHERE ${VALID_JUDGMENT} AND j.choice IS NOT NULL ${byItems ? `AND j.item_id = ANY($${aspects + 2}::uuid[])` : ""}
              OFFSET 0
            ) j
          OFFSET 0
        ) a
       GROUP BY item_id
    ) p`;
}

// A pairwise ranking is [[winner], [loser]]; canonical uuid text sorts like the uuids.
const LO_WON = `(j.ranking->0->>0) COLLATE "C" < (j.ranking->1->>0) COLLATE "C"`;

/** An item's digest: its answer counts as text (the grouping key), then first-shown wins and rating sums. */
export type DigestRow = { counts: string; rest: number[] };

/** The statement's text, one item at a time: its id and its digest. */
export function* parseItems(text: string, numbers: number): Generator<[string, DigestRow]> {
  let pos = 0;
  while (pos < text.length) {
    let stop = text.indexOf(";", pos);
    if (stop < 0) stop = text.length;
    const idEnd = text.indexOf(",", pos);
    let p = idEnd + 1;
    for (let k = 0; k < COUNTS; k++) p = text.indexOf(",", p) + 1;
    const rest: number[] = [];
    for (let k = 0, from = p; k < numbers; k++) {
      let to = text.indexOf(",", from);
      if (to < 0 || to > stop) to = stop;
      rest.push(Number(text.slice(from, to)));
      from = to + 1;
    }
    yield [text.slice(pos, idEnd), { counts: text.slice(idEnd + 1, p - 1), rest }];
    pos = stop + 1;
  }
}

const COUNTS = 10;
