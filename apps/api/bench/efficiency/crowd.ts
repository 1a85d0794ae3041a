import { seededRandom } from "@arbiter/aggregation";

/** How a simulated annotator answers: with its accuracy, at random, or always the option shown first. */
export type TAnnotatorKind = "careful" | "random" | "first";
export type TSimAnnotator = { kind: TAnnotatorKind; accuracy: number };

/** Beta(a, b) by two gamma draws (Marsaglia–Tsang), enough for integer-ish shapes ≥ 1. */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal from two uniforms.
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function beta(a: number, b: number, random: () => number): number {
  const x = gamma(a, random);
  return x / (x + gamma(b, random));
}

/**
 * The crowd of the label-quality benchmark: accuracies drawn from Beta(8, 2) (mean 0.8, the
 * spread reported for paid crowds on preference tasks), a share of random clickers and one
 * annotator who always picks the option shown first.
 */
export function drawCrowd(size: number, seed: number, randomShare = 0.1): TSimAnnotator[] {
  const random = seededRandom(seed);
  const randoms = Math.round(size * randomShare);
  return Array.from({ length: size }, (_, i): TSimAnnotator => {
    if (i === 0) return { kind: "first", accuracy: 0.5 };
    if (i <= randoms) return { kind: "random", accuracy: 0.5 };
    return { kind: "careful", accuracy: beta(8, 2, random) };
  });
}

/** The shown option (0 = first) this annotator picks, given which shown option is truly better. */
export function answerPair(a: TSimAnnotator, betterShown: 0 | 1, random: () => number): 0 | 1 {
  if (a.kind === "first") return 0;
  if (a.kind === "random") return random() < 0.5 ? 0 : 1;
  return random() < a.accuracy ? betterShown : ((1 - betterShown) as 0 | 1);
}
