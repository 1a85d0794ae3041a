/**
 * Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). The matrix is the sufficient statistic: the API
 * builds it in SQL over all items and only the few value categories reach JavaScript.
 */
export type Value = string | number;

/** o[c][k]: pairable c-k value pairs, each unit weighted by 1 / (m_u - 1). */
export type Coincidences = { values: Value[]; o: number[][] };

export type AlphaMetric = "nominal" | "ordinal";

/** Coincidences of units given as the values their coders assigned (missing values left out). */
export function coincidences(units: Value[][]): Coincidences {
  return coincidencesFromCounts(
    units.map((unit) => {
      const counts = new Map<Value, number>();
      for (const v of unit) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    }),
  );
}

/**
 * The same from each unit's count of every value, the form aggregated by SQL. weights[u]
 * says how many units have exactly unit u's counts (1 when absent): units with the same
 * counts add the same coincidences, so 33k items reach this as a few hundred patterns.
 */
export function coincidencesFromCounts(units: Map<Value, number>[], weights?: number[]): Coincidences {
  const values = [...new Set(units.flatMap((u) => [...u.keys()]))].sort(compareValues);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  units.forEach((unit, u) => {
    const w = weights?.[u] ?? 1;
    let m = 0;
    for (const n of unit.values()) m += n;
    if (m < 2) return;
    for (const [c, nc] of unit) {
      for (const [k, nk] of unit) {
        o[index.get(c)!]![index.get(k)!]! += (w * (c === k ? nc * (nc - 1) : nc * nk)) / (m - 1);
      }
    }
  });
  return { values, o };
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Squared difference function delta^2(c, k) for the metric, from the marginals n_g. */
function distances(metric: AlphaMetric, marginals: number[]): number[][] {
  const size = marginals.length;
  const d = marginals.map(() => new Array<number>(size).fill(0));
  for (let c = 0; c < size; c++) {
    for (let k = c + 1; k < size; k++) {
      let delta = 1;
      if (metric === "ordinal") {
        // Ordinal: the pairable values from c to k inclusive, minus half of the two end values.
        let between = 0;
        for (let g = c; g <= k; g++) between += marginals[g]!;
        delta = (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
      }
      d[c]![k] = delta;
      d[k]![c] = delta;
    }
  }
  return d;
}

/**
 * alpha = 1 - D_o / D_e. Null when nothing is pairable or every pairable value is the
 * same (no expected disagreement: alpha is undefined, not 1). Ordinal values must be
 * numbers, ordered as numbers.
 */
export function alphaFromCoincidences({ values, o }: Coincidences, metric: AlphaMetric): number | null {
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  if (n <= 1) return null;
  if (metric === "ordinal" && values.some((v) => typeof v !== "number"))
    throw new Error("ordinal alpha needs numeric values");
  const d = distances(metric, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      observed += o[c]![k]! * d[c]![k]!;
      expected += marginals[c]! * marginals[k]! * d[c]![k]!;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

export function krippendorffAlpha(units: Value[][], metric: AlphaMetric): number | null {
  return alphaFromCoincidences(coincidences(units), metric);
}

/** Pairable values behind an alpha: units with at least two values, and their values. */
export function pairable(units: Value[][]): { units: number; values: number } {
  const used = units.filter((u) => u.length >= 2);
  return { units: used.length, values: used.reduce((s, u) => s + u.length, 0) };
}
