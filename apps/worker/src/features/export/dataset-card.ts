import type { ExportCounts } from "@arbiter/export";
import type { TExportFile, TExportRequest } from "@arbiter/shared";
import type { SplitStats } from "./split-stats";

export type CardProject = {
  name: string;
  guidelines: string;
  taskType: "PAIRWISE" | "RANKING";
  optionsPerItem: number;
  judgmentsPerItem: number;
};

const COLUMNS: Record<TExportRequest["format"], string> = {
  trl: `| column | meaning |
| --- | --- |
| \`prompt\` | the prompt: a string, or a list of \`{role, content}\` messages for a conversation |
| \`chosen\` | the preferred completion: a string, or a list with one assistant message |
| \`rejected\` | the other completion, in the same form as \`chosen\` |`,
  hh: `| column | meaning |
| --- | --- |
| \`chosen\` | the transcript \`\\n\\nHuman: ...\\n\\nAssistant: ...\` ending with the preferred completion |
| \`rejected\` | the same transcript ending with the other completion |`,
  "openai-dpo": `| column | meaning |
| --- | --- |
| \`input.messages\` | the prompt as chat messages |
| \`preferred_output\` | a list with the preferred assistant message |
| \`non_preferred_output\` | a list with the other assistant message |`,
  kto: `| column | meaning |
| --- | --- |
| \`prompt\` | the prompt: a string, or a list of \`{role, content}\` messages for a conversation |
| \`completion\` | one completion: a string, or a list with one assistant message |
| \`label\` | \`true\`: the preferred completion (best group of a ranking); \`false\`: the other one (worst group), or either of a pair judged both bad |`,
  ranked: `| column | meaning |
| --- | --- |
| \`prompt\` | the prompt: a string or a list of messages |
| \`completions\` | the K completions, in upload order |
| \`ranking\` | indices into \`completions\`, best group first; a group holds tied completions |`,
  raw: `| column | meaning |
| --- | --- |
| \`judgment_id\`, \`item_id\` | identifiers in the source installation |
| \`prompt\` | the prompt |
| \`options\` | the completions in upload order, with model, generator, sampling parameters and this judgment's aspect ratings |
| \`shown_order\` | option positions in the order they were shown (option A first) |
| \`choice\`, \`strength\` | pairwise answer as shown (A, B, tie, both_bad) and strength 1..4 |
| \`ranking\` | option positions best group first (ties share a group) |
| \`rationale\`, \`flags\`, \`duration_ms\` | what the annotator wrote, flagged, and how long they took |
| \`annotator\` | a keyed-hash pseudonym, stable within this installation |
| \`counted\`, \`late\`, \`gold_correct\` | counted towards the item's overlap, answered after the lease, gold result |
| \`shown_at\`, \`created_at\` | when the item was shown and answered (UTC) |`,
};

const EXTRAS = `| \`margin\` | optional: how strongly \`chosen\` beats \`rejected\`, 0..1 (strength 1..4 -> 0, 1/3, 2/3, 1) |
| \`group_id\` | optional: the same for every row of the same prompt |
| \`metadata\` | optional: item id, models, agreement and number of judgments of the item |`;

function sizeCategory(rows: number): string {
  const bounds: [number, string][] = [
    [1_000, "n<1K"],
    [10_000, "1K<n<10K"],
    [100_000, "10K<n<100K"],
    [1_000_000, "100K<n<1M"],
    [10_000_000, "1M<n<10M"],
  ];
  return bounds.find(([b]) => rows < b)?.[1] ?? "10M<n<100M";
}

const fixed = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));

/**
 * Per split: mean agreement (share of an item's judgments giving its most common answer)
 * and, under Dawid–Skene, the estimated label accuracy; KTO adds its label balance.
 */
function qualityTable(req: TExportRequest, splits: Record<string, SplitStats>): string {
  const model = req.aggregation === "dawid-skene";
  const kto = req.format === "kto";
  const head = [
    "split",
    "items",
    "mean agreement",
    ...(model ? ["estimated label accuracy"] : []),
    ...(kto ? ["label true", "label false"] : []),
  ];
  const rows = Object.entries(splits).map(([split, s]) => [
    split,
    String(s.items),
    fixed(s.agreement),
    ...(model ? [fixed(s.estimatedAccuracy)] : []),
    ...(kto ? [String(s.labels.true), String(s.labels.false)] : []),
  ]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const note = model
    ? "\n\nEstimated label accuracy is the mean posterior probability of the exported answers under the Dawid–Skene model fitted to all of the project's judgments (annotator reliabilities, position habits and gold answers included): the share of labels the model expects to be right, not a measurement against known answers."
    : "";
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n") + note;
}

/** A Hugging Face dataset card; no timestamps, so the same export gives the same card. */
export function datasetCard(
  project: CardProject,
  req: TExportRequest,
  files: TExportFile[],
  counts: ExportCounts,
  splits: Record<string, SplitStats>,
): string {
  const rows = files.reduce((s, f) => s + f.rows, 0);
  const dataFiles = files.map((f) => `  - split: ${f.split}\n    path: ${f.name}`).join("\n");
  const task =
    project.taskType === "PAIRWISE" ? "two completions" : `${project.optionsPerItem} completions ranked`;
  return `---
configs:
- config_name: default
  data_files:
${dataFiles}
task_categories:
- text-generation
tags:
- preference
- rlhf
- dpo
size_categories:
- ${sizeCategory(rows)}
---

# ${project.name}

Human preference comparisons collected with Arbiter: annotators compared ${task} for each prompt,
blind and in random order. Each item was meant to get ${project.judgmentsPerItem} judgment(s).

- Format: \`${req.format}\`, aggregation \`${req.aggregation}\`${req.format === "raw" || req.format === "ranked" ? "" : `, pairs \`${req.pairs}\``}
- Rows: ${files.map((f) => `${f.split} ${f.rows}`).join(", ")}
- Judgments read: ${counts.judgments}, used: ${counts.used}; items: ${counts.items}
- Splits are assigned by a seeded hash of the prompt (seed \`${req.seed}\`): no prompt is in two splits.
- Annotators appear only as keyed-hash pseudonyms.

## Agreement and label quality

${qualityTable(req, splits)}

## Columns

${COLUMNS[req.format]}
${req.format === "raw" ? "" : EXTRAS}

## Annotation guidelines

${project.guidelines.trim() || "(none given)"}
`;
}
