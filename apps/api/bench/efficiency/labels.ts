import { seededRandom } from "@arbiter/aggregation";
import { seedAnnotators, seedProject } from "../seed";
import { answerPair, drawCrowd } from "./crowd";
import { driveCrowd } from "./drive";
import { accuracy, dawidSkeneLabels, firstAnswers, majorityLabels } from "./evaluate";
import { readProject } from "./judgments";
import { parseOption, patchProject, seedPromptsAndItems } from "./seed-items";
import { startStack } from "./stack";

export type TCurvePoint = { spent: number; accuracy: number };
export type TLabelsRun = {
  spent: number;
  /** Fixed overlap only: majority and Dawid–Skene over the first k answers of every item. */
  fixedMajority: TCurvePoint[];
  fixedDawidSkene: TCurvePoint[];
  /** Dawid–Skene over the answers stored so far, at checkpoints: what stopping there would give. */
  prefix: TCurvePoint[];
  final: { majority: number; dawidSkene: number };
};

export type TLabelsStrategy =
  | { kind: "fixed"; overlap: number }
  | { kind: "adaptive"; min: number; max: number; target: number };

/** One simulated crowd labelling `items` pairwise items with known truth under one strategy. */
export async function runLabels(opts: {
  seed: number;
  items: number;
  annotators: number;
  strategy: TLabelsStrategy;
}): Promise<TLabelsRun> {
  const stack = await startStack();
  try {
    const { db, api } = stack;
    const fixed = opts.strategy.kind === "fixed" ? opts.strategy.overlap : 3;
    const { projectId, ownerKey } = await seedProject(
      db.pool,
      `labels-${opts.seed}`,
      { strength: false, allowTie: false, allowBothBad: false, rationale: "off" },
      fixed,
    );
    if (opts.strategy.kind === "adaptive") {
      const { min, max, target } = opts.strategy;
      await patchProject(api.url, ownerKey, projectId, {
        overlap: { min, max, target },
        selection: "label-confidence",
      });
    }
    const tokens = await seedAnnotators(db.pool, projectId, opts.annotators);
    await seedPromptsAndItems({
      db: db.pool,
      url: api.url,
      ownerKey,
      projectId,
      prompts: opts.items,
      models: 2,
    });

    // The truly better model of each prompt; the same for every strategy of a seed.
    const truthRandom = seededRandom(opts.seed);
    const better = Array.from({ length: opts.items + 1 }, () => (truthRandom() < 0.5 ? 0 : 1));
    const crowd = drawCrowd(opts.annotators, opts.seed);
    const answerRandom = seededRandom(opts.seed * 7919 + 1);
    await driveCrowd({
      url: api.url,
      db: db.pool,
      projectId,
      tokens,
      answer: (annotator, options) => {
        const first = parseOption(options[0]!);
        const betterShown = better[first.prompt] === first.model ? 0 : 1;
        return { choice: answerPair(crowd[annotator]!, betterShown, answerRandom) === 0 ? "A" : "B" };
      },
    });

    const { items, judgments } = await readProject(db.pool, projectId);
    const truthOf = new Map(
      items.map((i) => [i.id, i.completions[i.models[0] === better[i.prompt] ? 0 : 1]]),
    );
    const truth = (id: string) => truthOf.get(id)!;
    const curve = (k: number, labels: typeof majorityLabels) => {
      const subset = firstAnswers(judgments, k);
      return { spent: subset.length, accuracy: accuracy(labels(items, subset), truth) };
    };
    const ks =
      opts.strategy.kind === "fixed" ? Array.from({ length: opts.strategy.overlap }, (_, i) => i + 1) : [];
    const checkpoints = Array.from({ length: Math.ceil(judgments.length / 300) }, (_, i) =>
      Math.min(judgments.length, (i + 1) * 300),
    );
    return {
      spent: judgments.length,
      fixedMajority: ks.map((k) => curve(k, majorityLabels)),
      fixedDawidSkene: ks.map((k) => curve(k, dawidSkeneLabels)),
      prefix: checkpoints.map((n) => ({
        spent: n,
        accuracy: accuracy(dawidSkeneLabels(items, judgments.slice(0, n)), truth),
      })),
      final: {
        majority: accuracy(majorityLabels(items, judgments), truth),
        dawidSkene: accuracy(dawidSkeneLabels(items, judgments), truth),
      },
    };
  } finally {
    await stack.stop();
  }
}
