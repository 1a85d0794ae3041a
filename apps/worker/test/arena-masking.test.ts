import { maskText, SCREENING_MASK } from "@arbiter/shared";
import { describe, expect, it } from "vitest";
import { createMaskingStream } from "../src/features/arena/masking-stream";

const PHRASES = ["Claude", "As an AI developed by", "GPT-4", "GPT-4o"];

/** Streams `text` cut into pieces of `size` characters; returns what would be sent. */
function streamed(text: string, size: number): { out: string; pieces: string[] } {
  const masker = createMaskingStream(PHRASES);
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(masker.push(text.slice(i, i + size)));
  pieces.push(masker.end());
  return { out: pieces.join(""), pieces };
}

describe("masking a stream of pieces", () => {
  const texts = [
    "Hello! I am Claude. As an AI developed by   Anthropic, I use GPT-4o rarely and GPT-4 never.",
    "Claudes and claude-like things: Claude, CLAUDE; xClaude is not a name.",
    "Nothing to hide here at all, only plain words that go on for a while without any name.",
  ];
  it("sends exactly what masking the whole text gives, however the text is cut", () => {
    for (const text of texts) {
      for (const size of [1, 2, 3, 5, 7, 13, 64, 1000]) {
        expect(streamed(text, size).out).toBe(maskText(text, PHRASES));
      }
    }
  });

  it("never sends a phrase, not even split over pieces", () => {
    const { pieces } = streamed(texts[0]!, 1);
    expect(pieces.join("")).not.toMatch(/Claude|GPT-4|developed by/);
    expect(pieces.join("").split(SCREENING_MASK)).toHaveLength(5);
  });

  it("releases text as it goes once it is far enough from the end", () => {
    const long = "word ".repeat(200);
    const { pieces } = streamed(long, 5);
    expect(pieces.slice(0, -1).join("").length).toBeGreaterThan(long.length - 200);
  });
});
