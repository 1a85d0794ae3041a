export type TBuildStrategy = "cross-generator" | "same-generator" | "k-wise";

export type TCandidateCompletion = {
  id: string;
  /** The generator, or for imported completions the model name: what is being compared. */
  source: string;
  sampleIndex: number;
  text: string;
};

/** Case, width, punctuation and spacing differences do not make two answers different. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

export type TCandidateResult = { groups: TCandidateCompletion[][]; skippedIdentical: number };

/**
 * The groups of completions (pairs, or K-tuples) that one prompt's completions make under
 * a strategy. Deterministic: the same completions always give the same groups, which is
 * what lets a second build recognise the items of the first.
 */
export function candidateGroups(
  completions: TCandidateCompletion[],
  strategy: TBuildStrategy,
  k: number,
  skipIdentical: boolean,
): TCandidateResult {
  const bySource = new Map<string, TCandidateCompletion[]>();
  for (const c of [...completions].sort(
    (a, b) => a.sampleIndex - b.sampleIndex || a.id.localeCompare(b.id),
  )) {
    bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  }
  const sources = [...bySource.keys()].sort();
  let skippedIdentical = 0;
  const distinct = (group: TCandidateCompletion[]) => {
    if (!skipIdentical) return true;
    const texts = new Set(group.map((c) => normaliseText(c.text)));
    return texts.size === group.length;
  };
  const groups: TCandidateCompletion[][] = [];

  if (strategy === "cross-generator") {
    // One pair per pair of sources: the first samples of each that are not the same answer.
    for (let i = 0; i < sources.length; i++) {
      for (let j = i + 1; j < sources.length; j++) {
        const pair = firstDistinctPair(bySource.get(sources[i]!)!, bySource.get(sources[j]!)!, distinct);
        if (pair) groups.push(pair);
        else skippedIdentical += 1;
      }
    }
  } else if (strategy === "same-generator") {
    // Disjoint consecutive samples (0,1), (2,3)...: on-policy pairs that share no completion.
    for (const source of sources) {
      const samples = bySource.get(source)!;
      for (let i = 0; i + 1 < samples.length; i += 2) {
        const pair = [samples[i]!, samples[i + 1]!];
        if (distinct(pair)) groups.push(pair);
        else skippedIdentical += 1;
      }
    }
  } else {
    // Round-robin over sources (every source's first sample, then second...), cut into
    // groups of K, so each group spans as many sources as there are.
    const order: TCandidateCompletion[] = [];
    const depth = Math.max(0, ...sources.map((s) => bySource.get(s)!.length));
    for (let d = 0; d < depth; d++) {
      for (const s of sources) {
        const c = bySource.get(s)![d];
        if (c) order.push(c);
      }
    }
    let group: TCandidateCompletion[] = [];
    for (const c of order) {
      if (skipIdentical && group.some((g) => normaliseText(g.text) === normaliseText(c.text))) {
        skippedIdentical += 1;
        continue;
      }
      group.push(c);
      if (group.length === k) {
        groups.push(group);
        group = [];
      }
    }
  }
  return { groups, skippedIdentical };
}

function firstDistinctPair(
  a: TCandidateCompletion[],
  b: TCandidateCompletion[],
  distinct: (g: TCandidateCompletion[]) => boolean,
): TCandidateCompletion[] | null {
  for (const x of a) {
    for (const y of b) {
      if (distinct([x, y])) return [x, y];
    }
  }
  return null;
}

/** The identity of an item's completion set, whatever order its completions are in. */
export function groupKey(ids: string[]): string {
  return [...ids].sort().join(",");
}
