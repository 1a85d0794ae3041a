import { bradleyTerryCovariance, fitBradleyTerry, seededRandom } from "@arbiter/aggregation";
import { seedAnnotators, seedProject } from "../seed";
import { driveCrowd } from "./drive";
import { readProject, type TStoredItem, type TStoredJudgment } from "./judgments";
import { parseOption, patchProject, seedPromptsAndItems } from "./seed-items";
import { startStack } from "./stack";

export type TLeaderboardPoint = {
  spent: number;
  /** Kendall's tau between fitted and true strengths. */
  tau: number;
  /** Adjacent models (true order) whose 95 % intervals do not overlap, in the right order. */
  separated: number;
};
export type TLeaderboardRun = { spent: number; points: TLeaderboardPoint[] };

// Each model's games are padded with this many virtual ties against every other model, as
// the API's leaderboard pads them: the fit stays finite when a model has won or lost everything.
const VIRTUAL_TIE = 0.05;

function kendallTau(a: number[], b: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = i + 1; j < a.length; j++) {
      sum += Math.sign(a[i]! - a[j]!) * Math.sign(b[i]! - b[j]!);
      pairs += 1;
    }
  return sum / pairs;
}

function pointAt(
  items: Map<string, TStoredItem>,
  judgments: TStoredJudgment[],
  strengths: number[],
): Omit<TLeaderboardPoint, "spent"> {
  const n = strengths.length;
  const wins = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : VIRTUAL_TIE)),
  );
  for (const j of judgments) {
    const item = items.get(j.itemId)!;
    const winner = item.completions[0] === j.winner ? 0 : 1;
    wins[item.models[winner]!]![item.models[1 - winner]!]! += 1;
  }
  const { theta } = fitBradleyTerry(wins);
  const covariance = bradleyTerryCovariance(wins, theta);
  const order = strengths.map((_, i) => i).sort((x, y) => strengths[y]! - strengths[x]!);
  let separated = 0;
  for (let k = 0; k + 1 < order.length && covariance; k++) {
    const [hi, lo] = [order[k]!, order[k + 1]!];
    const half = (m: number) => 1.96 * Math.sqrt(Math.max(0, covariance[m]![m]!));
    if (theta[hi]! - half(hi) > theta[lo]! + half(lo)) separated += 1;
  }
  return { tau: kendallTau(theta, strengths), separated };
}

/** A crowd judging pairs of models with known Bradley–Terry strengths, up to a budget of answers. */
export async function runLeaderboard(opts: {
  seed: number;
  prompts: number;
  annotators: number;
  budget: number;
  strengths: number[];
  selection: "uniform" | "leaderboard";
}): Promise<TLeaderboardRun> {
  const stack = await startStack();
  try {
    const { db, api } = stack;
    const { projectId, ownerKey } = await seedProject(
      db.pool,
      `leaderboard-${opts.seed}`,
      { strength: false, allowTie: false, allowBothBad: false, rationale: "off" },
      1,
    );
    if (opts.selection === "leaderboard")
      await patchProject(api.url, ownerKey, projectId, { selection: "leaderboard" });
    const tokens = await seedAnnotators(db.pool, projectId, opts.annotators);
    await seedPromptsAndItems({
      db: db.pool,
      url: api.url,
      ownerKey,
      projectId,
      prompts: opts.prompts,
      models: opts.strengths.length,
    });
    const random = seededRandom(opts.seed * 104_729 + 3);
    await driveCrowd({
      url: api.url,
      db: db.pool,
      projectId,
      tokens,
      budget: opts.budget,
      answer: (_annotator, options) => {
        const [a, b] = options.map((o) => opts.strengths[parseOption(o).model]!) as [number, number];
        return { choice: random() < 1 / (1 + Math.exp(b - a)) ? "A" : "B" };
      },
    });
    const { items, judgments } = await readProject(db.pool, projectId);
    const byId = new Map(items.map((i) => [i.id, i]));
    const used = judgments.slice(0, opts.budget);
    const points: TLeaderboardPoint[] = [];
    for (let n = 250; n <= used.length; n += 250)
      points.push({ spent: n, ...pointAt(byId, used.slice(0, n), opts.strengths) });
    return { spent: used.length, points };
  } finally {
    await stack.stop();
  }
}
