import {
  type ConsensusInput,
  createPseudonymizer,
  type ExportItem,
  type ExportJudgment,
  emptyCounts,
  exportItem,
  fitConsensus,
  type GoldAnswer,
  type LabelTally,
  planSplits,
} from "@arbiter/export";
import { type TExportRequestInput, ZExportRequest } from "@arbiter/shared";

type JudgmentSpec = Partial<ExportJudgment> & Pick<ExportJudgment, "id" | "ranking">;

export function judgment(spec: JudgmentSpec): ExportJudgment {
  return {
    annotatorId: `user-${spec.id}`,
    untrusted: false,
    tooFast: false,
    choice: null,
    strength: null,
    shownOrder: [],
    aspects: null,
    rationale: null,
    flags: [],
    durationMs: null,
    counted: true,
    late: false,
    goldCorrect: null,
    shownAt: "2026-01-01T00:00:00.000Z",
    createdAt: "2026-01-01T00:00:05.000Z",
    ...spec,
  };
}

const completion = (id: string, text: string, model: string) => ({
  id,
  text,
  model,
  generator: null,
  params: {},
});

/** Pairwise, text prompt: two votes for "4" (strong, slight) and a tie. */
export const itemA: ExportItem = {
  id: "item-a",
  isGold: false,
  retired: false,
  promptHash: "hash-a",
  prompt: { text: "What is 2+2?" },
  completions: [completion("c0", "4", "m1"), completion("c1", "5", "m2")],
  judgments: [
    judgment({ id: "j1", choice: "A", strength: 4, shownOrder: ["c0", "c1"], ranking: [["c0"], ["c1"]] }),
    judgment({ id: "j2", choice: "B", strength: 2, shownOrder: ["c1", "c0"], ranking: [["c0"], ["c1"]] }),
    judgment({ id: "j3", choice: "tie", shownOrder: ["c0", "c1"], ranking: [["c0", "c1"]] }),
  ],
};

/** Pairwise, conversation prompt: one vote each way and a both-bad (no majority). */
export const itemB: ExportItem = {
  id: "item-b",
  isGold: false,
  retired: false,
  promptHash: "hash-b",
  prompt: {
    messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Capital of France?" },
    ],
  },
  completions: [completion("c2", "Paris", "m1"), completion("c3", "Lyon", "m2")],
  judgments: [
    judgment({ id: "j4", choice: "A", strength: 3, shownOrder: ["c3", "c2"], ranking: [["c3"], ["c2"]] }),
    judgment({ id: "j5", choice: "both_bad", shownOrder: ["c2", "c3"], ranking: null }),
    judgment({ id: "j6", choice: "B", strength: 1, shownOrder: ["c3", "c2"], ranking: [["c2"], ["c3"]] }),
  ],
};

/** Ranking of three: Borda totals x 4.5, y 3, z 1.5. */
export const itemC: ExportItem = {
  id: "item-c",
  isGold: false,
  retired: false,
  promptHash: "hash-c",
  prompt: { text: "Rank" },
  completions: [completion("x", "X", "m1"), completion("y", "Y", "m2"), completion("z", "Z", "m3")],
  judgments: [
    judgment({ id: "j7", shownOrder: ["x", "y", "z"], ranking: [["x"], ["y"], ["z"]] }),
    judgment({ id: "j8", shownOrder: ["z", "y", "x"], ranking: [["y"], ["z", "x"]] }),
    judgment({ id: "j9", shownOrder: ["y", "x", "z"], ranking: [["x"], ["z"], ["y"]] }),
  ],
};

export const SECRET = "test-secret-0123456789";

/** What `readConsensusInput` would read for these items; `gold` by item id. */
export function consensusInputOf(items: ExportItem[], gold: Record<string, GoldAnswer> = {}): ConsensusInput {
  return {
    items: items
      .filter((i) => !i.retired)
      .map((i) => ({ id: i.id, completions: i.completions.map((c) => c.id), gold: gold[i.id] ?? null })),
    judgments: items
      .filter((i) => !i.retired)
      .flatMap((i) => i.judgments.map((j) => ({ ...j, itemId: i.id }))),
  };
}

/** Runs the pure core over items in order: lines per split, the counts and the KTO label balance. */
export function runExport(
  items: ExportItem[],
  input: TExportRequestInput,
  gold: Record<string, GoldAnswer> = {},
) {
  const req = ZExportRequest.parse(input);
  const consensus =
    req.aggregation === "dawid-skene" ? fitConsensus(consensusInputOf(items, gold), req) : undefined;
  const ctx = { req, pseudonym: createPseudonymizer(SECRET), plan: planSplits(req.splits), consensus };
  const counts = emptyCounts();
  const labels: LabelTally = { true: 0, false: 0 };
  const splits: Record<string, string[]> = {};
  for (const name of ctx.plan.names) splits[name] = [];
  for (const item of items) {
    const out = exportItem(item, ctx, counts);
    splits[out.split]!.push(...out.lines);
    labels.true += out.labels.true;
    labels.false += out.labels.false;
  }
  return { splits, counts, labels, text: (name = "train") => splits[name]!.join("\n") };
}
