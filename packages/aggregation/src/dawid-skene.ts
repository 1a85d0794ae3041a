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

/** Vote shares per item (uniform without answers), flat: item i's class c at i·K + c. */
function voteShares(flat: TFlat, itemCount: number, K: number): Float64Array {
  const t = new Float64Array(itemCount * K);
  const totals = new Float64Array(itemCount);
  for (let k = 0; k < flat.item.length; k++) {
    t[flat.item[k]! * K + flat.answer[k]!]! += 1;
    totals[flat.item[k]!]! += 1;
  }
  for (let i = 0; i < itemCount; i++)
    for (let c = 0; c < K; c++) t[i * K + c] = totals[i]! > 0 ? t[i * K + c]! / totals[i]! : 1 / K;
  return t;
}

export function fitDawidSkene(observations: readonly TCoreObservation[], options: TCoreOptions): TCoreFit {
  const { classCount: K, itemCount, annotatorCount } = options;
  const prior = options.prior ?? DEFAULT_PRIOR;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 200;
  const gold = options.gold ?? new Map<number, number>();
  const flat = flatten(observations, K);
  const n = flat.item.length;
  const KK = K * K;

  const informed = new Uint8Array(itemCount);
  for (let k = 0; k < n; k++) informed[flat.item[k]!] = 1;
  for (const i of gold.keys()) informed[i] = 1;

  // Flat typed arrays throughout: an EM sweep over 50k answers is then a few milliseconds.
  let posterior = voteShares(flat, itemCount, K);
  for (let i = 0; i < itemCount; i++) {
    const start = options.initial?.(i);
    if (start) for (let c = 0; c < K; c++) posterior[i * K + c] = start[c]!;
  }
  for (const [i, g] of gold) for (let c = 0; c < K; c++) posterior[i * K + c] = c === g ? 1 : 0;

  const counts = new Float64Array(annotatorCount * KK);
  const confusion = new Float64Array(annotatorCount * KK);
  const logConfusion = new Float64Array(annotatorCount * KK);
  const classPrior = new Float64Array(K);
  const logs = new Float64Array(itemCount * K);
  let next: Float64Array = new Float64Array(itemCount * K);
  let iterations = 0;
  let converged = false;
  let logLikelihood = Number.NEGATIVE_INFINITY;

  while (iterations < maxIterations && !converged) {
    iterations += 1;
    // M-step: expected counts plus pseudo-counts, normalised (the Dirichlet posterior mean).
    for (let a = 0; a < annotatorCount; a++)
      for (let j = 0; j < K; j++)
        for (let l = 0; l < K; l++) counts[a * KK + j * K + l] = j === l ? prior.diagonal : prior.offDiagonal;
    for (let k = 0; k < n; k++) {
      const f = flat.frames[flat.frame[k]!]!;
      const base = flat.annotator[k]! * KK;
      const t = flat.item[k]! * K;
      const seen = f[flat.answer[k]!]!;
      for (let c = 0; c < K; c++) counts[base + f[c]! * K + seen]! += posterior[t + c]!;
    }
    for (let row = 0; row < annotatorCount * K; row++) {
      let sum = 0;
      for (let l = 0; l < K; l++) sum += counts[row * K + l]!;
      for (let l = 0; l < K; l++) {
        const p = sum > 0 ? counts[row * K + l]! / sum : 1 / K;
        confusion[row * K + l] = p;
        logConfusion[row * K + l] = Math.log(p);
      }
    }
    classPrior.fill(prior.classPrior);
    for (let i = 0; i < itemCount; i++)
      if (informed[i]) for (let c = 0; c < K; c++) classPrior[c]! += posterior[i * K + c]!;
    const total = classPrior.reduce((s, x) => s + x, 0);
    for (let c = 0; c < K; c++) classPrior[c] = total > 0 ? classPrior[c]! / total : 1 / K;

    // E-step in log space: a product of many small probabilities underflows otherwise.
    for (let i = 0; i < itemCount; i++)
      for (let c = 0; c < K; c++) logs[i * K + c] = Math.log(classPrior[c]!);
    for (let k = 0; k < n; k++) {
      const f = flat.frames[flat.frame[k]!]!;
      const base = flat.annotator[k]! * KK;
      const t = flat.item[k]! * K;
      const seen = f[flat.answer[k]!]!;
      for (let c = 0; c < K; c++) logs[t + c]! += logConfusion[base + f[c]! * K + seen]!;
    }
    let change = 0;
    logLikelihood = 0;
    for (let i = 0; i < itemCount; i++) {
      const t = i * K;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < K; c++) max = Math.max(max, logs[t + c]!);
      const g = gold.get(i);
      if (Number.isFinite(max)) {
        let z = 0;
        for (let c = 0; c < K; c++) z += Math.exp(logs[t + c]! - max);
        if (informed[i]) logLikelihood += max + Math.log(z);
        for (let c = 0; c < K; c++) next[t + c] = Math.exp(logs[t + c]! - max) / z;
      } else for (let c = 0; c < K; c++) next[t + c] = classPrior[c]!;
      if (g !== undefined) for (let c = 0; c < K; c++) next[t + c] = c === g ? 1 : 0;
      for (let c = 0; c < K; c++) change = Math.max(change, Math.abs(next[t + c]! - posterior[t + c]!));
    }
    [posterior, next] = [next, posterior];
    converged = change < tolerance;
  }

  const answers = new Array<number>(annotatorCount).fill(0);
  const agreements = new Array<number>(annotatorCount).fill(0);
  for (let k = 0; k < n; k++) {
    answers[flat.annotator[k]!]! += 1;
    agreements[flat.annotator[k]!]! += posterior[flat.item[k]! * K + flat.answer[k]!]!;
  }
  const rows = (values: Float64Array, count: number) =>
    Array.from({ length: count }, (_, r) => Array.from(values.subarray(r * K, r * K + K)));
  const matrices = rows(confusion, annotatorCount * K);
  return {
    posterior: rows(posterior, itemCount),
    classPrior: Array.from(classPrior),
    confusion: Array.from({ length: annotatorCount }, (_, a) => matrices.slice(a * K, a * K + K)),
    answers,
    agreements,
    iterations,
    converged,
    logLikelihood,
  };
}
