import type { TExportPreview, TExportRequestInput } from "@arbiter/shared";

type Exact = NonNullable<TExportPreview["exact"]>;
type Request = Pick<TExportRequestInput, "minJudgments" | "minAgreement" | "minStrength">;

export type Reason = { key: string; label: string; count: number; sentence: string };
export type Explanation = {
  /** Said when the export would have no rows: the reason, as plainly as the numbers allow. */
  headline: string | null;
  /** Why judgments were left out, largest first; only reasons that left something out. */
  judgments: Reason[];
  /** Why whole items gave no row. */
  items: Reason[];
  /** Splits that would get no rows although others do. */
  emptySplits: string[];
};

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);
const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;

/**
 * What each judgment-level exclusion key of the preview (and the manifest's
 * `source.excluded`) means: a short label and what the counted judgments have in common.
 */
function judgmentReason(key: string, n: number, req: Request): Omit<Reason, "count" | "key"> {
  const are = verb(n, "is", "are");
  switch (key) {
    case "retired":
      return { label: "Retired items", sentence: `${are} on items retired from the project` };
    case "gold":
      return { label: "Gold items", sentence: `${are} on gold items, which measure annotators` };
    case "annotator":
      return {
        label: "Untrusted annotators",
        sentence: `${verb(n, "comes", "come")} from suspended or quarantined annotators`,
      };
    case "tooFast":
      return {
        label: "Too fast",
        sentence: `${verb(n, "was", "were")} answered faster than the project’s minimum reading time`,
      };
    case "date":
      return {
        label: "Outside dates",
        sentence: `${verb(n, "falls", "fall")} outside the chosen date range`,
      };
    case "strength":
      return { label: "Too weak", sentence: `${are} weaker than the minimum strength (${req.minStrength})` };
    case "minJudgments":
      return {
        label: "Too few judgments",
        sentence: `${are} on items with fewer than ${req.minJudgments} judgments`,
      };
    case "minAgreement":
      return {
        label: "Low agreement",
        sentence: `${are} on items whose agreement is below ${pct(req.minAgreement)}`,
      };
    case "noMajority":
      return { label: "No majority", sentence: `${are} on items where no answer has a majority` };
    case "tie":
      return { label: "Ties", sentence: `${are} ties, which have no chosen and rejected side` };
    case "bothBad":
      return { label: "Both bad", sentence: `${verb(n, "says", "say")} both responses are bad` };
    case "superseded":
      return {
        label: "Undone",
        sentence: `${verb(n, "was", "were")} undone or replaced by the annotator (never exported)`,
      };
    default:
      return { label: key, sentence: `${are} left out (${key})` };
  }
}

/** Item-wide reasons: what the counted items have in common. */
function itemReason(key: string, n: number, req: Request): Omit<Reason, "count" | "key"> {
  const have = verb(n, "has", "have");
  switch (key) {
    case "retired":
      return { label: "Retired", sentence: `${verb(n, "was", "were")} retired from the project` };
    case "unjudged":
      return { label: "Not judged yet", sentence: `${have} no judgment yet` };
    case "gold":
      return { label: "Gold items", sentence: `${verb(n, "is a gold item", "are gold items")}` };
    case "minJudgments":
      return { label: "Too few judgments", sentence: `${have} fewer than ${req.minJudgments} judgments` };
    case "minAgreement":
      return { label: "Low agreement", sentence: `${have} agreement below ${pct(req.minAgreement)}` };
    case "noMajority":
      return { label: "No majority", sentence: `${have} no majority answer` };
    default:
      return { label: key, sentence: `${verb(n, "is", "are")} left out (${key})` };
  }
}

const byCount = (a: Reason, b: Reason) => b.count - a.count;

function reasons(counts: Record<string, number>, describe: typeof judgmentReason, req: Request): Reason[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => ({ key, count: n, ...describe(key, n, req) }))
    .sort(byCount);
}

function headlineOf(preview: TExportPreview, exact: Exact, items: Reason[], judgments: Reason[]): string {
  const { source } = preview;
  if (source.items === 0) return "0 rows: the project has no items yet.";
  if (source.judgments === 0)
    return `0 rows: none of the ${plural(source.items, "item")} has a judgment yet.`;
  const judged = source.items - (exact.excludedItems.unjudged ?? 0);
  const allItems = items.find((r) => r.key !== "unjudged" && r.count === judged);
  if (allItems) {
    const who =
      judged === source.items ? `all ${plural(judged, "item")}` : `all ${plural(judged, "judged item")}`;
    return `0 rows: ${judged === 1 ? "the only judged item" : who} ${allItems.sentence}.`;
  }
  const allJudgments = judgments.find((r) => r.key !== "superseded" && r.count === source.judgments);
  if (allJudgments) return `0 rows: all ${plural(source.judgments, "judgment")} ${allJudgments.sentence}.`;
  return `0 rows: each of the ${plural(source.judgments, "judgment")} is left out for one of the reasons below.`;
}

/** Why the preview's export leaves out what it leaves out, in words. */
export function explainPreview(preview: TExportPreview, req: Request): Explanation {
  const exact = preview.exact;
  const superseded = preview.source.supersededJudgments;
  const judgments = reasons(
    { ...(exact?.excluded ?? {}), ...(superseded ? { superseded } : {}) },
    judgmentReason,
    req,
  );
  if (!exact) return { headline: null, judgments, items: [], emptySplits: [] };
  const items = reasons(exact.excludedItems, itemReason, req);
  const headline = exact.total === 0 ? headlineOf(preview, exact, items, judgments) : null;
  const emptySplits =
    exact.total === 0
      ? []
      : Object.entries(exact.rows)
          .filter(([, n]) => n === 0)
          .map(([name]) => name);
  return { headline, judgments, items, emptySplits };
}

/** The warning for splits that would be empty, or null. */
export function emptySplitWarning(emptySplits: string[]): string | null {
  if (emptySplits.length === 0) return null;
  const names = emptySplits.map((s) => `“${s}”`).join(" and ");
  return `The ${names} split${emptySplits.length === 1 ? " would be" : "s would be"} empty: too few prompts for this share. Give ${emptySplits.length === 1 ? "it" : "them"} a bigger share, use fewer splits, or run anyway.`;
}
