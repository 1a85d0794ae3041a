import { endsSentence, nextWord, type TSampling } from "./markov";
import { styleFor } from "./model-style";
import { createRandom, hashString, pick, type TRandom } from "./prng";
import { countTokens } from "./tokens";
import { topicOf } from "./topic";

export type TComposeInput = {
  model: string;
  mode: "chat" | "completion";
  /** What the reply responds to: the last user message, or the raw prompt. */
  prompt: string;
  /** Everything that makes two requests "the same" (messages, sampling); not max_tokens or stop. */
  requestKey: string;
  choiceIndex: number;
  seed: number | undefined;
  sampling: TSampling;
  /** Hard cap on tokens: max_tokens, or what is left of the context window. */
  limit: number;
  stop: readonly string[];
  ignoreEos: boolean;
};

export type TComposed = { text: string; finishReason: "stop" | "length"; completionTokens: number };

const LONGEST_SENTENCE = 60;

/**
 * Same seed and request give the same text; leaving max_tokens and stop out of the key means a
 * shorter limit or a stop sequence yields a prefix of the longer answer, as with a real model.
 * Temperature 0 ignores the seed and the choice index: greedy decoding is deterministic.
 */
function randomFor(input: TComposeInput): TRandom {
  if (input.sampling.temperature === 0) return createRandom(hashString(input.requestKey));
  const seed = input.seed ?? Math.floor(Math.random() * 2 ** 32);
  return createRandom(hashString(`${input.requestKey}|${seed}|${input.choiceIndex}`));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function openingWords(input: TComposeInput, random: TRandom): string[] {
  if (input.mode !== "chat") return [];
  const style = styleFor(input.model);
  const topic = topicOf(input.prompt);
  const sentence = topic
    ? pick(random, style.openers).replace("{topic}", topic).replace("{Topic}", capitalise(topic))
    : pick(random, style.plainOpeners);
  return sentence.split(" ");
}

/** Where a completion continues from: the prompt's last two words, if the chain knows them. */
function continuation(input: TComposeInput): [string | undefined, string] | undefined {
  if (input.mode !== "completion") return undefined;
  const words = input.prompt.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  if (!last || !styleFor(input.model).chain.order1.has(last)) return undefined;
  return [words[words.length - 2], last];
}

export function compose(input: TComposeInput): TComposed {
  const { chain, minWords, maxWords } = styleFor(input.model);
  const random = randomFor(input);
  const target = minWords + Math.floor(random() * (maxWords - minWords));
  const words = openingWords(input, random).slice(0, input.limit);
  let from = continuation(input);
  let natural = false;

  while (words.length < input.limit && !natural) {
    let previous: string | undefined;
    let current: string | undefined;
    if (from) {
      [previous, current] = [from[0], nextWord(chain, from[0], from[1], input.sampling, random)];
      from = undefined;
    }
    current ??= pick(random, chain.starts);
    for (let length = 1; words.length < input.limit; length++) {
      const next = nextWord(chain, previous, current, input.sampling, random);
      const tooLong = length >= LONGEST_SENTENCE;
      if (!next || tooLong) current = `${current.replace(/[,;:]$/, "")}${endsSentence(current) ? "" : "."}`;
      words.push(current);
      if (endsSentence(current)) break;
      [previous, current] = [current, next!];
    }
    natural = !input.ignoreEos && words.length >= target && words.length < input.limit;
  }

  let text = words.join(" ");
  if (input.mode === "completion" && text) text = ` ${text}`;
  let finishReason: TComposed["finishReason"] = natural ? "stop" : "length";
  const cut = firstStop(text, input.stop);
  if (cut !== undefined) {
    text = text.slice(0, cut);
    finishReason = "stop";
  }
  return { text, finishReason, completionTokens: countTokens(text) };
}

function firstStop(text: string, stops: readonly string[]): number | undefined {
  let first: number | undefined;
  for (const stop of stops) {
    if (!stop) continue;
    const at = text.indexOf(stop);
    if (at !== -1 && (first === undefined || at < first)) first = at;
  }
  return first;
}
