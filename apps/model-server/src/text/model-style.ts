import { CORPUS } from "./corpus";
import { buildChain, type TChain } from "./markov";
import { hashString } from "./prng";

/** How one model name "writes": which passages it learned from, how long it talks, how it opens. */
export type TModelStyle = {
  chain: TChain;
  minWords: number;
  maxWords: number;
  openers: readonly string[];
  plainOpeners: readonly string[];
};

const TOPIC_OPENERS = [
  "On {topic}, there is this to say.",
  "A fair question about {topic}.",
  "{Topic} deserves a careful answer.",
  "Let me think about {topic} for a moment.",
  "Here is how I see {topic}.",
  "The short answer on {topic} is this.",
  "Consider {topic} plainly.",
  "{Topic}, then.",
];

const PLAIN_OPENERS = ["Here is a thought.", "Let me answer plainly.", "Consider the following.", "Well."];

const SHORT = /(small|mini|tiny|nano|[^0-9][1-8]b\b)/i;
const LONG = /(large|big|xl|[0-9]{2,3}b\b)/i;

function lengthFor(model: string): { minWords: number; maxWords: number } {
  if (SHORT.test(model)) return { minWords: 20, maxWords: 55 };
  if (LONG.test(model)) return { minWords: 70, maxWords: 150 };
  const base = 30 + (hashString(`${model}#length`) % 40);
  return { minWords: base, maxWords: base * 2 };
}

/** Orders items by a hash of (model, key): a stable, model-specific shuffle. */
function shuffleFor<T>(model: string, items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => hashString(`${model}|${key(a)}`) - hashString(`${model}|${key(b)}`));
}

const styles = new Map<string, TModelStyle>();

export function styleFor(model: string): TModelStyle {
  const cached = styles.get(model);
  if (cached) return cached;
  const passages = shuffleFor(model, CORPUS, (p) => p.source).slice(0, 4);
  const style: TModelStyle = {
    chain: buildChain(passages.map((p) => p.text)),
    ...lengthFor(model),
    openers: shuffleFor(model, TOPIC_OPENERS, (o) => o).slice(0, 3),
    plainOpeners: shuffleFor(model, PLAIN_OPENERS, (o) => o).slice(0, 2),
  };
  styles.set(model, style);
  return style;
}
