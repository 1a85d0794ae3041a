import type { TRandom } from "./prng";

type TSuccessors = { words: string[]; counts: number[] };

/**
 * A word-level Markov chain of order 2 that backs off to order 1. Order 2 keeps phrases
 * grammatical; the back-off lets sentences wander between passages so answers vary.
 */
export type TChain = {
  starts: string[];
  order2: Map<string, TSuccessors>;
  order1: Map<string, TSuccessors>;
};

export type TSampling = { temperature: number; topP: number };

const SENTENCE_END = /[.!?]["')]*$/;

export function endsSentence(word: string): boolean {
  return SENTENCE_END.test(word);
}

function add(map: Map<string, TSuccessors>, key: string, next: string) {
  let successors = map.get(key);
  if (!successors) {
    successors = { words: [], counts: [] };
    map.set(key, successors);
  }
  const at = successors.words.indexOf(next);
  if (at === -1) {
    successors.words.push(next);
    successors.counts.push(1);
  } else {
    successors.counts[at]! += 1;
  }
}

export function buildChain(texts: readonly string[]): TChain {
  const chain: TChain = { starts: [], order2: new Map(), order1: new Map() };
  for (const text of texts) {
    const words = text.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const previous = words[i - 1];
      if ((previous === undefined || endsSentence(previous)) && /^[A-Z]/.test(word)) chain.starts.push(word);
      const next = words[i + 1];
      if (next === undefined) continue;
      add(chain.order1, word, next);
      if (previous !== undefined) add(chain.order2, `${previous} ${word}`, next);
    }
  }
  return chain;
}

/** Temperature reshapes the counts, then top-p keeps the smallest set holding that much mass. */
export function sampleSuccessor(successors: TSuccessors, sampling: TSampling, random: TRandom): string {
  const exponent = 1 / Math.max(sampling.temperature, 0.05);
  const weighted = successors.words.map((word, i) => ({ word, weight: successors.counts[i]! ** exponent }));
  weighted.sort((a, b) => b.weight - a.weight);
  const total = weighted.reduce((sum, w) => sum + w.weight, 0);
  const nucleus: typeof weighted = [];
  let mass = 0;
  for (const entry of weighted) {
    nucleus.push(entry);
    mass += entry.weight / total;
    if (mass >= sampling.topP) break;
  }
  const nucleusTotal = nucleus.reduce((sum, w) => sum + w.weight, 0);
  let roll = random() * nucleusTotal;
  for (const entry of nucleus) {
    roll -= entry.weight;
    if (roll < 0) return entry.word;
  }
  return nucleus[nucleus.length - 1]!.word;
}

/** Next word after (previous, current), or undefined at the end of a passage. */
export function nextWord(
  chain: TChain,
  previous: string | undefined,
  current: string,
  sampling: TSampling,
  random: TRandom,
): string | undefined {
  const narrow = previous === undefined ? undefined : chain.order2.get(`${previous} ${current}`);
  const wide = chain.order1.get(current);
  // A single order-2 successor would copy the passage verbatim; sometimes take a side road.
  const useWide = !narrow || (narrow.words.length === 1 && wide !== undefined && random() < 0.2);
  const successors = useWide ? wide : narrow;
  return successors ? sampleSuccessor(successors, sampling, random) : undefined;
}
