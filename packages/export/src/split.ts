import { createHash } from "node:crypto";

export type SplitPlan = { names: string[]; bounds: number[] };

/**
 * Splits in name order, so that the same fractions give the same assignment whatever
 * order the request listed them in.
 */
export function planSplits(splits: Record<string, number>): SplitPlan {
  const names = Object.keys(splits).sort();
  let total = 0;
  const bounds = names.map((n) => {
    total += splits[n]!;
    return total;
  });
  return { names, bounds };
}

/**
 * The split of a prompt: a seeded hash of its content hash mapped to [0, 1). It depends
 * on nothing but the seed and the prompt, so a prompt never lands in two splits and keeps
 * its split when more data arrives.
 */
export function splitOf(plan: SplitPlan, seed: string, promptHash: string): string {
  const digest = createHash("sha256").update(seed).update("\0").update(promptHash).digest();
  const u = digest.readUIntBE(0, 6) / 2 ** 48;
  const i = plan.bounds.findIndex((b) => u < b);
  // Rounding can leave the last bound a hair under 1.
  return plan.names[i === -1 ? plan.names.length - 1 : i]!;
}
