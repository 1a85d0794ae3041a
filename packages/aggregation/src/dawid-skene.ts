/**
 * The multi-class Dawid–Skene model (Dawid & Skene 1979) fitted by EM, with Dirichlet
 * pseudo-counts on every confusion row and on the class prior (Raykar et al. 2010), gold
 * items clamped, and a per-answer frame: `frame[c]` is the name class c had in what the
 * annotator saw. Confusion matrices live in frame space, so when the frame is "which
 * completion was shown first", a habit of picking the first-shown option becomes an
 * asymmetry of the matrix that EM learns like any other error.
 */

export type TCoreObservation = {
  item: number;
  annotator: number;
  /** Canonical class index, 0 … classCount − 1. */
  answer: number;
  /** A permutation of the class indices; the identity when absent. */
  frame?: readonly number[];
};

/** Pseudo-counts: each confusion row gets `diagonal` on its own class and `offDiagonal` on every other. */
export type TDirichletPrior = { diagonal: number; offDiagonal: number; classPrior: number };

/** Diagonal-heavy: a new annotator starts at 4 / (3 + K) accuracy and needs real answers to reach 0.95. */
export const DEFAULT_PRIOR: TDirichletPrior = { diagonal: 4, offDiagonal: 1, classPrior: 1 };

/** Zero pseudo-counts: the plain maximum-likelihood estimates of the 1979 paper. */
export const NO_PRIOR: TDirichletPrior = { diagonal: 0, offDiagonal: 0, classPrior: 0 };

export type TCoreOptions = {
  classCount: number;
  itemCount: number;
  annotatorCount: number;
  /** Item index → its known class; such items keep that class with probability 1. */
  gold?: ReadonlyMap<number, number>;
  prior?: TDirichletPrior;
  /** Largest change of any item's posterior below which EM stops; 1e-6 by default. */
  tolerance?: number;
  maxIterations?: number;
  /** A starting posterior for an item (a previous fit's), else the item's vote shares. */
  initial?: (item: number) => readonly number[] | undefined;
};

export type TCoreFit = {
  /** item × class; items without answers or gold hold the class prior. */
  posterior: number[][];
  classPrior: number[];
  /** annotator × true class × answered class, both in frame space; rows sum to 1. */
  confusion: number[][][];
  /** Per annotator: answers given, and the expected number that matched the truth. */
  answers: number[];
  agreements: number[];
  iterations: number;
  converged: boolean;
  logLikelihood: number;
};

type TFlat = {
  item: Int32Array;
  annotator: Int32Array;
  answer: Int32Array;
  frame: Int32Array;
  frames: number[][];
};

/** Observations as typed arrays, frames deduplicated, so an EM sweep over 50k answers stays in cache. */
function flatten(observations: readonly TCoreObservation[], classCount: number): TFlat {
  const identity = Array.from({ length: classCount }, (_, c) => c);
  const frames: number[][] = [identity];
  const frameIds = new Map<string, number>([[identity.join(","), 0]]);
  const n = observations.length;
  const flat: TFlat = {
    item: new Int32Array(n),
    annotator: new Int32Array(n),
    answer: new Int32Array(n),
    frame: new Int32Array(n),
    frames,
  };
  observations.forEach((o, k) => {
    flat.item[k] = o.item;
    flat.annotator[k] = o.annotator;
    flat.answer[k] = o.answer;
    if (o.frame) {
      const key = o.frame.join(",");
      let id = frameIds.get(key);
      if (id === undefined) {
        id = frames.length;
        frames.push([...o.frame]);
        frameIds.set(key, id);
      }
      flat.frame[k] = id;
    }
  });
  return flat;
}

function votes(flat: TFlat, itemCount: number, classCount: number): number[][] {
  const t = Array.from({ length: itemCount }, () => new Array<number>(classCount).fill(0));
  for (let k = 0; k < flat.item.length; k++) t[flat.item[k]!]![flat.answer[k]!]! += 1;
  return t.map((row) => {
    const sum = row.reduce((s, x) => s + x, 0);
    return sum > 0 ? row.map((x) => x / sum) : row.fill(1 / classCount);
  });
}

function oneHot(classCount: number, c: number): number[] {
  return Array.from({ length: classCount }, (_, j) => (j === c ? 1 : 0));
}

export function fitDawidSkene(observations: readonly TCoreObservation[], options: TCoreOptions): TCoreFit {
  const { classCount: K, itemCount, annotatorCount } = options;
  const prior = options.prior ?? DEFAULT_PRIOR;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 200;
  const gold = options.gold ?? new Map<number, number>();
  const flat = flatten(observations, K);
  const n = flat.item.length;

  const informed = new Uint8Array(itemCount);
  for (let k = 0; k < n; k++) informed[flat.item[k]!] = 1;
  for (const i of gold.keys()) informed[i] = 1;

  const initialVotes = votes(flat, itemCount, K);
  let posterior = initialVotes.map((row, i) => {
    const g = gold.get(i);
    if (g !== undefined) return oneHot(K, g);
    return [...(options.initial?.(i) ?? row)];
  });

  let confusion: number[][][] = [];
  let classPrior: number[] = [];
  let iterations = 0;
  let converged = false;
  let logLikelihood = Number.NEGATIVE_INFINITY;

  while (iterations < maxIterations && !converged) {
    iterations += 1;
    // M-step: expected counts plus pseudo-counts, normalised (the Dirichlet posterior mean).
    const counts = Array.from({ length: annotatorCount }, () =>
      Array.from({ length: K }, (_, j) =>
        Array.from({ length: K }, (_, l) => (j === l ? prior.diagonal : prior.offDiagonal)),
      ),
    );
    for (let k = 0; k < n; k++) {
      const f = flat.frames[flat.frame[k]!]!;
      const rows = counts[flat.annotator[k]!]!;
      const t = posterior[flat.item[k]!]!;
      const seen = f[flat.answer[k]!]!;
      for (let c = 0; c < K; c++) rows[f[c]!]![seen]! += t[c]!;
    }
    confusion = counts.map((rows) =>
      rows.map((row) => {
        const sum = row.reduce((s, x) => s + x, 0);
        return sum > 0 ? row.map((x) => x / sum) : row.map(() => 1 / K);
      }),
    );
    const mass = new Array<number>(K).fill(prior.classPrior);
    for (let i = 0; i < itemCount; i++)
      if (informed[i]) for (let c = 0; c < K; c++) mass[c]! += posterior[i]![c]!;
    const total = mass.reduce((s, x) => s + x, 0);
    classPrior = mass.map((x) => (total > 0 ? x / total : 1 / K));

    // E-step in log space: a product of many small probabilities underflows otherwise.
    const logPrior = classPrior.map(Math.log);
    const logConfusion = confusion.map((rows) => rows.map((row) => row.map(Math.log)));
    const logs = Array.from({ length: itemCount }, () => [...logPrior]);
    for (let k = 0; k < n; k++) {
      const f = flat.frames[flat.frame[k]!]!;
      const rows = logConfusion[flat.annotator[k]!]!;
      const l = logs[flat.item[k]!]!;
      const seen = f[flat.answer[k]!]!;
      for (let c = 0; c < K; c++) l[c]! += rows[f[c]!]![seen]!;
    }
    let change = 0;
    logLikelihood = 0;
    const next = logs.map((l, i) => {
      const max = Math.max(...l);
      if (informed[i] && Number.isFinite(max)) {
        const z = l.reduce((s, x) => s + Math.exp(x - max), 0);
        logLikelihood += max + Math.log(z);
      }
      const g = gold.get(i);
      const row =
        g !== undefined
          ? oneHot(K, g)
          : Number.isFinite(max)
            ? normalise(l.map((x) => Math.exp(x - max)))
            : [...classPrior];
      for (let c = 0; c < K; c++) change = Math.max(change, Math.abs(row[c]! - posterior[i]![c]!));
      return row;
    });
    posterior = next;
    converged = change < tolerance;
  }

  const answers = new Array<number>(annotatorCount).fill(0);
  const agreements = new Array<number>(annotatorCount).fill(0);
  for (let k = 0; k < n; k++) {
    answers[flat.annotator[k]!]! += 1;
    agreements[flat.annotator[k]!]! += posterior[flat.item[k]!]![flat.answer[k]!]!;
  }
  return { posterior, classPrior, confusion, answers, agreements, iterations, converged, logLikelihood };
}

function normalise(row: number[]): number[] {
  const sum = row.reduce((s, x) => s + x, 0);
  return row.map((x) => x / sum);
}
