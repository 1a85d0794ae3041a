import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@arbiter/db";
import type { TGoldInput, ZItemInput } from "@arbiter/shared";
import type { z } from "zod";
import { badRequest } from "../../lib/http-error";
import { assertProject } from "../projects/access";
import { newItemOverlap } from "../projects/overlap";

type TItemInput = z.infer<typeof ZItemInput>;

/**
 * Creates items with their (imported) completions. Every row is checked before anything
 * is written, and everything is written in one transaction: a bad row writes nothing.
 */
export async function addItems(db: Db, projectId: string, items: TItemInput[]) {
  const project = await assertProject(db, projectId);
  const promptIds = [...new Set(items.map((i) => i.promptId))];
  const prompts = await db.prisma.prompt.findMany({
    where: { id: { in: promptIds }, projectId },
    select: { id: true },
  });
  const known = new Set(prompts.map((p) => p.id));
  const problems: { path: string; message: string }[] = [];
  items.forEach((item, i) => {
    if (!known.has(item.promptId))
      problems.push({ path: `body.items.${i}.promptId`, message: "no such prompt in this project" });
    if (item.gold)
      problems.push(
        ...goldProblems(item.gold, project.taskType, project.optionsPerItem, `body.items.${i}.gold`),
      );
    if (item.completions.length !== project.optionsPerItem) {
      problems.push({
        path: `body.items.${i}.completions`,
        message: `must have exactly ${project.optionsPerItem} completions (the project's options per item)`,
      });
    }
  });
  if (problems.length > 0) throw badRequest(`${problems[0]!.path}: ${problems[0]!.message}`, problems);

  const completions: Prisma.CompletionCreateManyInput[] = [];
  const links: Prisma.ItemCompletionCreateManyInput[] = [];
  const completionIds = new Map<string, string[]>();
  const rows: Prisma.ItemCreateManyInput[] = items.map((item) => {
    const id = randomUUID();
    completionIds.set(id, []);
    item.completions.forEach((c, position) => {
      const completionId = randomUUID();
      completions.push({
        id: completionId,
        promptId: item.promptId,
        sampleIndex: position,
        source: "IMPORTED",
        model: c.model,
        text: c.text,
        metadata: (c.metadata ?? {}) as Prisma.InputJsonObject,
      });
      links.push({ itemId: id, position, completionId });
      completionIds.get(id)!.push(completionId);
    });
    const ids = completionIds.get(id)!;
    return {
      id,
      projectId,
      promptId: item.promptId,
      ...newItemOverlap(project),
      priority: item.priority ?? 0,
      isGold: item.gold !== undefined,
      ...(item.gold ? { goldAnswer: goldAnswerOf(item.gold, ids) } : {}),
    };
  });
  await db.prisma.$transaction([
    db.prisma.completion.createMany({ data: completions }),
    db.prisma.item.createMany({ data: rows }),
    db.prisma.itemCompletion.createMany({ data: links }),
  ]);
  return rows.map((row) => ({
    id: row.id!,
    promptId: row.promptId,
    completionIds: completionIds.get(row.id!)!,
    status: "OPEN" as const,
    judgmentsWanted: row.judgmentsWanted,
    judgmentsCount: 0,
    priority: row.priority ?? 0,
    isGold: row.isGold ?? false,
  }));
}

/** Whether a known answer fits the project's task; `path` names the answer in the request. */
export function goldProblems(gold: TGoldInput, taskType: string, options: number, path: string) {
  if ("preferred" in gold) {
    return taskType === "PAIRWISE" ? [] : [{ path, message: "use ranking for a ranking project" }];
  }
  if (taskType === "PAIRWISE") return [{ path, message: "use preferred for a pairwise project" }];
  const seen = gold.ranking.flat();
  const complete =
    seen.length === options && new Set(seen).size === options && seen.every((p) => p < options);
  return complete
    ? []
    : [{ path: `${path}.ranking`, message: `must rank positions 0..${options - 1} exactly once` }];
}

/** Known answers are stored by completion id, like judgments, so they survive any shuffle. */
export function goldAnswerOf(gold: TGoldInput, ids: string[]): Prisma.InputJsonObject {
  if ("ranking" in gold) return { ranking: gold.ranking.map((group) => group.map((p) => ids[p]!)) };
  return {
    preferred: typeof gold.preferred === "number" ? ids[gold.preferred]! : gold.preferred,
    ...(gold.strength ? { strength: gold.strength, strengthTolerance: gold.strengthTolerance ?? 1 } : {}),
  };
}
