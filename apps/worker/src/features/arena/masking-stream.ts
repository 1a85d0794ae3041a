import { phraseMatcher, SCREENING_MASK } from "@arbiter/shared";

/**
 * Masks screening phrases in a stream of text pieces. A phrase may arrive split over several
 * pieces, so the last characters (longer than any phrase can match) are held back until more
 * text, or the end, shows whether they belong to a match; what is released is never taken
 * back. The concatenated output equals maskText(full text).
 */
export function createMaskingStream(phrases: readonly string[]) {
  const matcher = phraseMatcher(phrases);
  // A phrase's whitespace may match several characters; the margin covers that.
  const holdBack = Math.max(0, ...phrases.map((p) => p.length)) + 64;
  let raw = "";
  let released = 0;

  function take(upTo: number): string {
    let boundary = upTo;
    const matches = matcher ? [...raw.matchAll(matcher)] : [];
    // Never cut through a match: release up to its start, and the whole match next time.
    for (const m of matches) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < boundary && end > boundary) boundary = start;
    }
    if (boundary <= released) return "";
    let out = "";
    let at = released;
    for (const m of matches) {
      const start = m.index;
      const end = start + m[0].length;
      if (start < released || end > boundary) continue;
      out += raw.slice(at, start) + SCREENING_MASK;
      at = end;
    }
    out += raw.slice(at, boundary);
    released = boundary;
    return out;
  }

  return {
    push(piece: string): string {
      raw += piece;
      return take(Math.max(released, raw.length - holdBack - 1));
    },
    end(): string {
      return take(raw.length);
    },
  };
}
