import type pg from "pg";
import { pairwiseTally } from "./digest-cache";
import { modelNames } from "./item-sides";
import { pairwiseMeasures } from "./pairwise-measures";

/** Agreement, leaderboard and biases of a pairwise project. */
export async function loadPairwiseDigest(pool: pg.Pool, projectId: string, aspects: string[]) {
  const { groups, ratings, firstShown } = await pairwiseTally(pool, projectId, aspects);
  const nameOf = await modelNames(pool, groups.classes);
  return pairwiseMeasures(groups, ratings, firstShown, nameOf, aspects);
}
