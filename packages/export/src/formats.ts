import type { TExportRequest, TMessage } from "@arbiter/shared";
import type { ItemOutcomes, Outcome } from "./aggregate";
import type { Consensus, SoftLabel } from "./consensus";
import { pairsOf } from "./pairs";
import type { ExportCompletion, ExportItem, ExportPrompt } from "./types";

export type RowContext = {
  req: TExportRequest;
  pseudonym: (userId: string) => string;
  /** The project-wide Dawid–Skene fit; set for that aggregation only. */
  consensus?: Consensus;
};

/** KTO rows written, by label. */
export type LabelTally = { true: number; false: number };

/** What a row says besides its columns; null where the row has no such value. */
type RowModel = { margin: number | null; confidence: number | null; softLabel: SoftLabel | null };

const messagesOf = (prompt: ExportPrompt): TMessage[] =>
  prompt.messages
    ? prompt.messages.map((m) => ({ role: m.role, content: m.content }))
    : [{ role: "user", content: prompt.text }];

/** The answer as messages: an arena turn's earlier conversation of that side, then the answer. */
const assistant = (c: ExportCompletion): TMessage[] => [
  ...(c.context ?? []),
  { role: "assistant" as const, content: c.text },
];

/** The prompt a completion answered: the shared prompt and that side's earlier conversation. */
const promptOf = (prompt: ExportPrompt, c: ExportCompletion): ExportPrompt =>
  c.context?.length ? { messages: [...messagesOf(prompt), ...c.context] } : prompt;

/**
 * HH-RLHF has only Human and Assistant turns: a system message is folded into the first
 * Human turn after it, separated by a blank line.
 */
export function hhTranscript(prompt: ExportPrompt, reply: string): string {
  let out = "";
  let pendingSystem: string[] = [];
  for (const m of messagesOf(prompt)) {
    if (m.role === "system") pendingSystem.push(m.content);
    else if (m.role === "user") {
      out += `\n\nHuman: ${[...pendingSystem, m.content].join("\n\n")}`;
      pendingSystem = [];
    } else out += `\n\nAssistant: ${m.content}`;
  }
  if (pendingSystem.length) out += `\n\nHuman: ${pendingSystem.join("\n\n")}`;
  return `${out}\n\nAssistant: ${reply}`;
}

/** The optional columns asked for; ranked rows have no margin (the ranking says it all). */
function extras(item: ExportItem, result: ItemOutcomes, ctx: RowContext, row: RowModel, models: string[]) {
  const { include } = ctx.req;
  return {
    ...(include.margin && row.margin !== null ? { margin: row.margin } : {}),
    ...(include.confidence && row.confidence !== null ? { confidence: row.confidence } : {}),
    ...(include.softLabel && row.softLabel !== null ? { soft_label: row.softLabel } : {}),
    ...(include.groupId ? { group_id: item.promptHash } : {}),
    ...(include.metadata
      ? {
          metadata: {
            item_id: item.id,
            models,
            agreement: result.agreement,
            judgments: result.votes,
            ...(item.completions.some((c) => c.screening)
              ? { screened: item.completions.some((c) => c.screening?.flagged) }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * The opening of a pair row, up to the extras: the prompt and each completion are
 * serialised once per item rather than once per row (an item gives a row per judgment
 * and pair). The bytes are those of JSON.stringify on the row object.
 */
function pairSerializer(item: ExportItem, format: string): (chosen: string, rejected: string) => string {
  const prompt = item.prompt;
  const piece = new Map<string, string>();
  const of = (id: string) => piece.get(id)!;
  if (format === "trl") {
    // A multi-turn arena item is conversational even when its opening was plain text.
    const chat = prompt.messages !== undefined || item.completions.some((c) => c.context?.length);
    const head = `{"prompt":${JSON.stringify(chat ? messagesOf(prompt) : prompt.text)},"chosen":`;
    for (const c of item.completions) piece.set(c.id, JSON.stringify(chat ? assistant(c) : c.text));
    return (c, r) => `${head}${of(c)},"rejected":${of(r)}`;
  }
  if (format === "hh") {
    for (const c of item.completions)
      piece.set(c.id, JSON.stringify(hhTranscript(promptOf(prompt, c), c.text)));
    return (c, r) => `{"chosen":${of(c)},"rejected":${of(r)}`;
  }
  const head = `{"input":${JSON.stringify({ messages: messagesOf(prompt) })},"preferred_output":`;
  for (const c of item.completions) piece.set(c.id, JSON.stringify(assistant(c)));
  return (c, r) => `${head}${of(c)},"non_preferred_output":${of(r)}`;
}

/** The opening of a KTO row, up to the extras, serialised once per item like `pairSerializer`. */
function ktoSerializer(item: ExportItem): (completion: string, label: boolean) => string {
  const prompt = item.prompt;
  const head = `{"prompt":${JSON.stringify(prompt.messages ? messagesOf(prompt) : prompt.text)},"completion":`;
  const piece = new Map(
    item.completions.map((c) => [c.id, JSON.stringify(prompt.messages ? assistant(c) : c.text)]),
  );
  return (c, label) => `${head}${piece.get(c)!},"label":${label}`;
}

/** `}` or `,"margin":...}`: the extras spliced in as JSON.stringify would place them. */
function closeWith(extraFields: object): string {
  if (Object.keys(extraFields).length === 0) return "}";
  return `,${JSON.stringify(extraFields).slice(1)}`;
}

function rawRow(item: ExportItem, outcome: Outcome, ctx: RowContext) {
  const j = outcome.judgment!;
  const position = new Map(item.completions.map((c, i) => [c.id, i]));
  const shownKey = new Map(j.shownOrder.map((id, i) => [id, String.fromCharCode(65 + i)]));
  return {
    judgment_id: j.id,
    item_id: item.id,
    prompt: item.prompt.messages ? messagesOf(item.prompt) : item.prompt.text,
    options: item.completions.map((c, i) => ({
      position: i,
      text: c.text,
      model: c.model,
      generator: c.generator,
      params: c.params,
      ...(c.context ? { context: c.context } : {}),
      ...(c.screening ? { screening: c.screening } : {}),
      aspects: j.aspects?.[shownKey.get(c.id) ?? ""] ?? null,
    })),
    shown_order: j.shownOrder.map((id) => position.get(id)!),
    choice: j.choice,
    strength: j.strength,
    ranking: j.ranking ? j.ranking.map((g) => g.map((id) => position.get(id)!)) : null,
    rationale: j.rationale,
    flags: j.flags,
    duration_ms: j.durationMs,
    annotator: ctx.pseudonym(j.annotatorId),
    counted: j.counted,
    late: j.late,
    gold_correct: j.goldCorrect,
    shown_at: j.shownAt,
    created_at: j.createdAt,
  };
}

/**
 * KTO labels of an outcome: the best group desirable and the worst undesirable (a middle
 * group of a K-wise ranking is neither, so it gives no row); both-bad makes every
 * completion undesirable; a tie says nothing either way.
 */
export function ktoLabelsOf(outcome: Outcome): { id: string; label: boolean }[] {
  if (outcome.kind === "bothBad") return outcome.ranking.flat().map((id) => ({ id, label: false }));
  if (outcome.kind === "tie") return [];
  return [
    ...outcome.ranking[0]!.map((id) => ({ id, label: true })),
    ...outcome.ranking.at(-1)!.map((id) => ({ id, label: false })),
  ];
}

/**
 * The JSONL lines (without newline) one item contributes, in a stable order; KTO labels
 * are added to `labels`.
 */
export function linesOfItem(
  item: ExportItem,
  result: ItemOutcomes,
  ctx: RowContext,
  labels: LabelTally = { true: 0, false: 0 },
): string[] {
  const { format } = ctx.req;
  const byId = new Map(item.completions.map((c) => [c.id, c]));
  const position = new Map(item.completions.map((c, i) => [c.id, i]));
  const lines: string[] = [];
  let open: ReturnType<typeof pairSerializer> | undefined;
  let openKto: ReturnType<typeof ktoSerializer> | undefined;
  for (const outcome of result.outcomes) {
    if (format === "raw") {
      lines.push(JSON.stringify(rawRow(item, outcome, ctx)));
    } else if (format === "ranked") {
      lines.push(
        JSON.stringify({
          prompt: item.prompt.messages ? messagesOf(item.prompt) : item.prompt.text,
          completions: item.completions.map((c) => c.text),
          ranking: outcome.ranking.map((g) => g.map((id) => position.get(id)!)),
          ...extras(
            item,
            result,
            ctx,
            { margin: null, confidence: outcome.confidence ?? null, softLabel: null },
            item.completions.map((c) => c.model),
          ),
        }),
      );
    } else if (format === "kto") {
      openKto ??= ktoSerializer(item);
      const row = { margin: null, confidence: outcome.confidence ?? null, softLabel: null };
      for (const { id, label } of ktoLabelsOf(outcome)) {
        labels[`${label}`]++;
        lines.push(openKto(id, label) + closeWith(extras(item, result, ctx, row, [byId.get(id)!.model])));
      }
    } else {
      open ??= pairSerializer(item, format);
      for (const { chosen, rejected } of pairsOf(outcome.ranking, ctx.req.pairs)) {
        const models = [byId.get(chosen)!.model, byId.get(rejected)!.model];
        const softLabel = outcome.softLabel?.(chosen, rejected) ?? null;
        const row = {
          margin: outcome.margin(chosen, rejected),
          confidence: softLabel?.chosen ?? null,
          softLabel,
        };
        lines.push(open(chosen, rejected) + closeWith(extras(item, result, ctx, row, models)));
      }
    }
  }
  return lines;
}
