import { z } from "zod";

/** "standard": items built from prompts and completions made beforehand; "arena": live battles. */
export const ZProjectMode = z.enum(["standard", "arena"]);
export type TProjectMode = z.infer<typeof ZProjectMode>;

/**
 * Phrases that tell who made an answer. Matched as whole words, case-insensitively, so
 * "Llama" is found in "I am Llama" but not in "llamas".
 */
export const DEFAULT_SCREENING_PATTERNS = [
  "OpenAI",
  "ChatGPT",
  "GPT-3.5",
  "GPT-4",
  "GPT-4o",
  "Anthropic",
  "Claude",
  "Google DeepMind",
  "Gemini",
  "Bard",
  "Meta AI",
  "Llama",
  "Mistral AI",
  "Mixtral",
  "Qwen",
  "Alibaba Cloud",
  "DeepSeek",
  "As an AI developed by",
  "As an AI model developed by",
  "As a language model trained by",
  "I am a large language model trained by",
] as const;

const zPhrase = z.string().trim().min(1).max(100);

export const ZArenaSettings = z.strictObject({
  /** "annotator": the annotator writes the first prompt; "prompt-set": one of the project's prompts is drawn. */
  promptSource: z.enum(["annotator", "prompt-set"]).default("annotator"),
  /** Show the two models' names when the annotator ends the battle with a vote. */
  revealModels: z.boolean().default(true),
  limits: z
    .strictObject({
      /** Characters of one user turn. */
      promptChars: z.number().int().min(1).max(100_000).default(4_000),
      /** max_tokens of each side's answer in one turn (lower than the generator's own when set). */
      maxTokensPerTurn: z.number().int().min(1).max(32_768).default(1_024),
      maxTurns: z.number().int().min(1).max(50).default(8),
      battlesPerHour: z.number().int().min(1).max(10_000).default(30),
      battlesPerDay: z.number().int().min(1).max(100_000).default(200),
      /** Prompt and completion tokens of every battle of the project; null: no budget. */
      tokenBudget: z.number().int().min(1).nullable().default(null),
    })
    .default({
      promptChars: 4_000,
      maxTokensPerTurn: 1_024,
      maxTurns: 8,
      battlesPerHour: 30,
      battlesPerDay: 200,
      tokenBudget: null,
    }),
  screening: z
    .strictObject({
      patterns: z
        .array(zPhrase)
        .max(500)
        .default([...DEFAULT_SCREENING_PATTERNS]),
      /** hide: flagged battles leave the leaderboard; mask: names replaced in what the annotator sees; keep. */
      action: z.enum(["hide", "mask", "keep"]).default("hide"),
    })
    .default({ patterns: [...DEFAULT_SCREENING_PATTERNS], action: "hide" }),
  moderation: z
    .strictObject({
      /** A user turn containing one of these phrases is refused before any model sees it. */
      patterns: z.array(zPhrase).max(500).default([]),
      /** An OpenAI-compatible /v1/moderations endpoint the worker asks before generating. */
      endpointUrl: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .nullable()
        .default(null),
    })
    .default({ patterns: [], endpointUrl: null }),
});
export type TArenaSettings = z.infer<typeof ZArenaSettings>;
export const DEFAULT_ARENA_SETTINGS: TArenaSettings = ZArenaSettings.parse({});

export const SCREENING_MASK = "[name withheld]";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One regular expression for a phrase list: whole words, any case; null for an empty list. */
export function phraseMatcher(phrases: readonly string[]): RegExp | null {
  const parts = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))]
    // Longest first, so "GPT-4o" wins over "GPT-4" where both fit.
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/\s+/g, "\\s+"));
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
}

/** The phrases found in `text`, in order of appearance, each once. */
export function screenText(text: string, phrases: readonly string[]): string[] {
  const matcher = phraseMatcher(phrases);
  if (!matcher) return [];
  return [...new Set([...text.matchAll(matcher)].map((m) => m[0]))];
}

export function maskText(text: string, phrases: readonly string[]): string {
  const matcher = phraseMatcher(phrases);
  return matcher ? text.replace(matcher, SCREENING_MASK) : text;
}
