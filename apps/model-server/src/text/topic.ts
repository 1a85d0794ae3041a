const STOPWORDS = new Set(
  `about above after again against also answer because been before being below between briefly could
describe does doing down during each explain following from further give have having here into just like
make more most once only other over please question same short should some such tell than that their
them then there these they this those through under until very were what when where which while whom
why with would write your yours`.split(/\s+/),
);

/** The word a reply should mention to look on-topic: the longest uncommon word of the prompt. */
export function topicOf(prompt: string): string | undefined {
  let best: string | undefined;
  for (const match of prompt.matchAll(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g)) {
    const word = match[0].toLowerCase();
    if (word.length < 4 || STOPWORDS.has(word)) continue;
    if (!best || word.length > best.length) best = word;
  }
  return best;
}
