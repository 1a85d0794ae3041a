// npm run bench:efficiency [-- --part labels|leaderboard|all --seeds 3 --items 600 --annotators 40
//   --fixed 9 --min 3 --max 9 --targets 0.95,0.98 --prompts 120 --budget 3000]
// Simulated crowds through the real API, worker and database (leases, judgments, the
// estimating job): (a) label accuracy against judgments spent, fixed overlap + majority vote
// against dynamic overlap + Dawid–Skene; (b) how fast a leaderboard of models with known
// Bradley–Terry strengths is recovered, uniform pairs against `selection: leaderboard`.
// Every figure is a median over seeds with its spread; both sides of a ratio come from the
// same run and the same simulated people.
import { parseArgs } from "node:util";
import { accuracyAt, budgetToReach, median } from "./efficiency/evaluate";
import { runLabels, type TCurvePoint, type TLabelsRun } from "./efficiency/labels";
import { runLeaderboard, type TLeaderboardRun } from "./efficiency/leaderboard";

const { values } = parseArgs({
  options: {
    part: { type: "string", default: "all" },
    seeds: { type: "string", default: "3" },
    items: { type: "string", default: "600" },
    annotators: { type: "string", default: "40" },
    fixed: { type: "string", default: "9" },
    min: { type: "string", default: "3" },
    max: { type: "string", default: "9" },
    targets: { type: "string", default: "0.95,0.98" },
    prompts: { type: "string", default: "120" },
    budget: { type: "string", default: "3000" },
  },
});
const SEEDS = Array.from({ length: Number(values.seeds) }, (_, i) => 20261205 + i);
const LEVEL = 0.95;
const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const spread = (xs: number[], fmt: (x: number) => string) =>
  `${fmt(median(xs))} [${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}]`;
const int = (x: number) => String(Math.round(x));

async function labelsPart() {
  const items = Number(values.items);
  const annotators = Number(values.annotators);
  const targets = values.targets!.split(",").map(Number);
  console.log(
    `\n(a) label quality — ${items} pairwise items, ${annotators} annotators (accuracy ~ Beta(8,2), 10 % random clickers, one always-first), seeds ${SEEDS.join(", ")}`,
  );
  const fixedRuns: TLabelsRun[] = [];
  const adaptiveRuns = new Map<number, TLabelsRun[]>(targets.map((t) => [t, []]));
  for (const seed of SEEDS) {
    fixedRuns.push(
      await runLabels({
        seed,
        items,
        annotators,
        strategy: { kind: "fixed", overlap: Number(values.fixed) },
      }),
    );
    for (const target of targets) {
      const strategy = {
        kind: "adaptive" as const,
        min: Number(values.min),
        max: Number(values.max),
        target,
      };
      adaptiveRuns.get(target)!.push(await runLabels({ seed, items, annotators, strategy }));
    }
  }
  console.log("  fixed overlap k, majority vote | Dawid–Skene (accuracy, median [min–max] over seeds):");
  for (let k = 0; k < fixedRuns[0]!.fixedMajority.length; k++) {
    const at = (runs: TCurvePoint[][]) => runs.map((c) => c[k]!.accuracy);
    console.log(
      `    k=${k + 1}: ${int(median(fixedRuns.map((r) => r.fixedMajority[k]!.spent)))} judgments  majority ${spread(at(fixedRuns.map((r) => r.fixedMajority)), f3)}  Dawid–Skene ${spread(at(fixedRuns.map((r) => r.fixedDawidSkene)), f3)}`,
    );
  }
  const fixedTo = fixedRuns.map((r) => budgetToReach(r.fixedMajority, LEVEL));
  const fixed5 = fixedRuns.map((r) => r.fixedMajority[4]);
  for (const [target, runs] of adaptiveRuns) {
    const to = runs.map((r) => budgetToReach(r.prefix, LEVEL));
    console.log(
      `  dynamic overlap (min ${values.min}, max ${values.max}, target ${target}) + Dawid–Skene: ${spread(
        runs.map((r) => r.spent),
        int,
      )} judgments, accuracy ${spread(
        runs.map((r) => r.final.dawidSkene),
        f3,
      )} (majority of the same answers ${spread(
        runs.map((r) => r.final.majority),
        f3,
      )})`,
    );
    const sameBudget = runs.map((r, i) => accuracyAt(fixedRuns[i]!.fixedMajority, r.spent));
    console.log(`    fixed overlap + majority with the same judgments: accuracy ${spread(sameBudget, f3)}`);
    const ratios = to.map((t, i) => (t !== null && fixedTo[i] !== null ? t / fixedTo[i]! : Number.NaN));
    console.log(
      `    judgments to ${LEVEL * 100} % accuracy: dynamic ${to.map((t) => (t === null ? "never" : int(t))).join(", ")}; fixed + majority ${fixedTo.map((t) => (t === null ? `never (≤ k=${values.fixed})` : int(t))).join(", ")}; ratio ${ratios.every(Number.isFinite) ? spread(ratios, f2) : "n/a"}`,
    );
  }
  if (fixed5.every(Boolean))
    console.log(
      `  fixed overlap 5 + majority: ${int(median(fixed5.map((p) => p!.spent)))} judgments, accuracy ${spread(
        fixed5.map((p) => p!.accuracy),
        f3,
      )}`,
    );
}

async function leaderboardPart() {
  const strengths = [0.7, 0.5, 0.3, 0.1, -0.1, -0.3, -0.5, -0.7];
  const budget = Number(values.budget);
  const common = {
    prompts: Number(values.prompts),
    annotators: Number(values.annotators),
    budget,
    strengths,
  };
  console.log(
    `\n(b) leaderboard — ${strengths.length} models, strengths ${strengths.join(" ")} (adjacent win chance 55 %), ${budget} judgments, seeds ${SEEDS.join(", ")}`,
  );
  const runs: Record<string, TLeaderboardRun[]> = { uniform: [], leaderboard: [] };
  for (const seed of SEEDS)
    for (const selection of ["uniform", "leaderboard"] as const)
      runs[selection]!.push(await runLeaderboard({ seed, selection, ...common }));
  const recovered = (r: TLeaderboardRun) => {
    // The first budget after which the fitted order stays the true one.
    let at: number | null = null;
    for (const p of r.points) at = p.tau === 1 ? (at ?? p.spent) : null;
    return at;
  };
  for (const [selection, list] of Object.entries(runs)) {
    const checkpoints = [1000, 2000, 3000].filter((n) => n <= budget);
    const taus = checkpoints
      .map(
        (n) =>
          `${n}: ${spread(
            list.map((r) => r.points.find((p) => p.spent === n)?.tau ?? Number.NaN),
            f2,
          )}`,
      )
      .join("  ");
    console.log(`  ${selection.padEnd(11)} Kendall tau at ${taus}`);
    console.log(
      `  ${"".padEnd(11)} separated adjacent pairs at ${budget}: ${spread(
        list.map((r) => r.points.at(-1)?.separated ?? 0),
        int,
      )} of ${strengths.length - 1}; true order from ${list.map((r) => recovered(r) ?? "never").join(", ")} judgments on`,
    );
  }
  const ratios = runs.leaderboard!.map((r, i) => {
    const mine = recovered(r);
    const theirs = recovered(runs.uniform![i]!);
    return mine !== null && theirs !== null ? mine / theirs : Number.NaN;
  });
  console.log(
    `  judgments to a stable true order, leaderboard ÷ uniform: ${ratios.every(Number.isFinite) ? spread(ratios, f2) : "n/a (not recovered within the budget in every seed)"}`,
  );
}

if (values.part === "labels" || values.part === "all") await labelsPart();
if (values.part === "leaderboard" || values.part === "all") await leaderboardPart();
