import { OPTION_KEYS, type TJudgmentBody, type TQuestions } from "@arbiter/shared";

export type Problem = { path: string; message: string };

export type CheckedAnswer = {
  choice: "A" | "B" | "tie" | "both_bad" | null;
  strength: number | null;
  /** Shown option keys grouped best-first; null for "both bad". */
  rankingKeys: string[][] | null;
};

function checkRanking(ranking: string[][], keys: readonly string[], allowTie: boolean, problems: Problem[]) {
  const seen = new Set<string>();
  ranking.forEach((group, g) => {
    if (group.length > 1 && !allowTie)
      problems.push({ path: `body.ranking.${g}`, message: "ties are not allowed" });
    group.forEach((key, k) => {
      if (!keys.includes(key)) problems.push({ path: `body.ranking.${g}.${k}`, message: `no option ${key}` });
      else if (seen.has(key))
        problems.push({ path: `body.ranking.${g}.${k}`, message: `${key} appears twice` });
      seen.add(key);
    });
  });
  const missing = keys.filter((k) => !seen.has(k));
  if (missing.length)
    problems.push({ path: "body.ranking", message: `must rank every option; missing ${missing.join(", ")}` });
}

function checkExtras(body: TJudgmentBody, q: TQuestions, keys: readonly string[], problems: Problem[]) {
  const rationale = body.rationale?.trim() ?? "";
  if (q.rationale === "required" && !rationale)
    problems.push({ path: "body.rationale", message: "is required" });
  if (q.rationale === "off" && rationale)
    problems.push({ path: "body.rationale", message: "is not asked in this project" });
  for (const [option, ratings] of Object.entries(body.aspects ?? {})) {
    if (!keys.includes(option)) {
      problems.push({ path: `body.aspects.${option}`, message: `no option ${option}` });
      continue;
    }
    for (const [aspect, value] of Object.entries(ratings ?? {})) {
      const def = q.aspects.find((a) => a.key === aspect);
      if (!def) problems.push({ path: `body.aspects.${option}.${aspect}`, message: "no such aspect" });
      else if (value > def.scale) {
        problems.push({ path: `body.aspects.${option}.${aspect}`, message: `must be 1..${def.scale}` });
      }
    }
  }
  (body.flags ?? []).forEach((flag, i) => {
    if (!q.flags.includes(flag))
      problems.push({ path: `body.flags.${i}`, message: `unknown flag "${flag}"` });
  });
}

/** Checks an answer against the project's questions; problems name the failing field. */
export function checkAnswer(
  body: TJudgmentBody,
  taskType: "PAIRWISE" | "RANKING",
  q: TQuestions,
  optionCount: number,
): { answer: CheckedAnswer; problems: Problem[] } {
  const keys = OPTION_KEYS.slice(0, optionCount);
  const problems: Problem[] = [];
  let answer: CheckedAnswer = { choice: null, strength: null, rankingKeys: null };
  if (taskType === "PAIRWISE") {
    if (body.ranking !== undefined)
      problems.push({ path: "body.ranking", message: "use choice in a pairwise project" });
    const choice = body.choice;
    if (!choice) problems.push({ path: "body.choice", message: "is required" });
    else if (choice === "tie" && !q.allowTie)
      problems.push({ path: "body.choice", message: "tie is not allowed" });
    else if (choice === "both_bad" && !q.allowBothBad) {
      problems.push({ path: "body.choice", message: "both_bad is not allowed" });
    }
    const decisive = choice === "A" || choice === "B";
    if (q.strength && decisive && body.strength === undefined) {
      problems.push({ path: "body.strength", message: "is required" });
    }
    if (body.strength !== undefined && (!q.strength || !decisive)) {
      problems.push({
        path: "body.strength",
        message: q.strength ? "only with choice A or B" : "is not asked",
      });
    }
    const rankingKeys =
      choice === "A"
        ? [["A"], ["B"]]
        : choice === "B"
          ? [["B"], ["A"]]
          : choice === "tie"
            ? [["A", "B"]]
            : null;
    answer = { choice: choice ?? null, strength: body.strength ?? null, rankingKeys };
  } else {
    if (body.choice !== undefined)
      problems.push({ path: "body.choice", message: "use ranking in a ranking project" });
    if (body.strength !== undefined)
      problems.push({ path: "body.strength", message: "is not asked in ranking projects" });
    if (!body.ranking) problems.push({ path: "body.ranking", message: "is required" });
    else checkRanking(body.ranking, keys, q.allowTie, problems);
    answer = { choice: null, strength: null, rankingKeys: body.ranking ?? null };
  }
  checkExtras(body, q, keys, problems);
  return { answer, problems };
}
