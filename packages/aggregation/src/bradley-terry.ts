/**
 * Bradley-Terry strengths by maximum likelihood: P(i beats j) = 1 / (1 + exp(theta_j - theta_i)).
 * wins[i][j] is how often i beat j; a tie is recorded as half a win each way, which is
 * the usual "ties split half-half" treatment. The log-likelihood is concave in theta,
 * so Newton's method with step halving converges from theta = 0 in a few steps when
 * the maximum exists (every model has won and lost within a connected comparison graph).
 */
export type BradleyTerryFit = { theta: number[]; converged: boolean; iterations: number };

const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-10;

function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

export function logLikelihood(wins: number[][], theta: number[]): number {
  let sum = 0;
  for (let i = 0; i < wins.length; i++) {
    for (let j = 0; j < wins.length; j++) {
      const w = wins[i]![j]!;
      if (i !== j && w > 0) sum += w * logSigmoid(theta[i]! - theta[j]!);
    }
  }
  return sum;
}

/** d logL / d theta_i = (wins of i) - (expected wins of i). */
export function gradient(wins: number[][], theta: number[]): number[] {
  const size = wins.length;
  const g = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const games = wins[i]![j]! + wins[j]![i]!;
      g[i]! += wins[i]![j]! - games / (1 + Math.exp(theta[j]! - theta[i]!));
    }
  }
  return g;
}

/** Solves a x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const size = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < size; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= size; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    let s = m[r]![size]!;
    for (let c = r + 1; c < size; c++) s -= m[r]![c]! * x[c]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Fitted strengths, centred to mean 0 (only differences are identified). */
export function fitBradleyTerry(wins: number[][]): BradleyTerryFit {
  const size = wins.length;
  let theta = new Array<number>(size).fill(0);
  if (size < 2) return { theta, converged: true, iterations: 0 };
  let converged = false;
  let iterations = 0;
  let current = logLikelihood(wins, theta);
  while (iterations < MAX_ITERATIONS && !converged) {
    iterations += 1;
    const g = gradient(wins, theta);
    // Fisher information (minus the Hessian); theta_0 is held at 0 to make it invertible.
    const info = wins.map(() => new Array<number>(size).fill(0));
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        if (i === j) continue;
        const games = wins[i]![j]! + wins[j]![i]!;
        const p = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
        const v = games * p * (1 - p);
        info[i]![i]! += v;
        info[i]![j]! -= v;
      }
    }
    const step = solve(
      info.slice(1).map((row) => row.slice(1)),
      g.slice(1),
    );
    if (!step) break;
    const direction = [0, ...step];
    let t = 1;
    let next = theta.map((x, i) => x + t * direction[i]!);
    let value = logLikelihood(wins, next);
    while (value < current - 1e-12 && t > 1e-6) {
      t /= 2;
      next = theta.map((x, i) => x + t * direction[i]!);
      value = logLikelihood(wins, next);
    }
    converged = Math.max(...direction.map((d) => Math.abs(t * d))) < TOLERANCE;
    theta = next;
    current = value;
  }
  const mean = theta.reduce((s, x) => s + x, 0) / size;
  return { theta: theta.map((x) => x - mean), converged, iterations };
}

/**
 * Covariance of the centred strengths: the Moore–Penrose inverse of the Fisher information
 * L (a weighted graph Laplacian, singular along the all-ones direction), computed as
 * (L + J/n)⁻¹ − J/n with J the all-ones matrix; null when the comparison graph is not connected.
 */
export function bradleyTerryCovariance(wins: number[][], theta: number[]): number[][] | null {
  const size = theta.length;
  const shifted = wins.map(() => new Array<number>(size).fill(1 / size));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const games = wins[i]![j]! + wins[j]![i]!;
      const p = 1 / (1 + Math.exp(theta[j]! - theta[i]!));
      shifted[i]![i]! += games * p * (1 - p);
      shifted[i]![j]! -= games * p * (1 - p);
    }
  }
  const columns: number[][] = [];
  for (let c = 0; c < size; c++) {
    const column = solve(
      shifted,
      theta.map((_, r) => (r === c ? 1 : 0)),
    );
    if (!column) return null;
    columns.push(column.map((x) => x - 1 / size));
  }
  return columns;
}

/** Elo-like points: 400 points is a factor of 10 in odds, centred at 1000. */
export function eloScale(theta: number): number {
  return 1000 + (400 / Math.LN10) * theta;
}
