/** Whitespace-separated pieces: the stand-in's notion of a token, used for every count it reports. */
export function countTokens(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
