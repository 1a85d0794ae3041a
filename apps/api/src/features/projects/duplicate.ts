import type { Db, Prisma } from "@arbiter/db";
import type { TDuplicateProjectBody } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { assertProject } from "./access";
import { arenaOf, crowdOf, qualityRulesOf, questionsOf } from "./serialize";
import { getProjectDto, slugify } from "./service";

/**
 * A new project with the source's settings, guidelines and the pools the caller may attach
 * (a researcher keeps only pools an admin allowed them, so duplicating cannot widen their
 * reach); prompts, items and judgments stay behind. The caller owns the copy.
 */
export async function duplicateProject(
  db: Db,
  request: FastifyRequest,
  sourceId: string,
  body: TDuplicateProjectBody,
) {
  const user = request.principal!.user;
  const source = await assertProject(db, sourceId);
  const pools = await db.prisma.projectPool.findMany({
    where: {
      projectId: sourceId,
      ...(user.role === "ADMIN" ? {} : { pool: { attachers: { some: { userId: user.id } } } }),
    },
    select: { poolId: true },
  });
  const name = body.name ?? `${source.name} (copy)`.slice(0, 200);
  const copy = await db.prisma.$transaction(async (tx) => {
    const created = await tx.project.create({
      data: {
        slug: slugify(name),
        name,
        guidelines: source.guidelines,
        taskType: source.taskType,
        optionsPerItem: source.optionsPerItem,
        judgmentsPerItem: source.judgmentsPerItem,
        overlapMin: source.overlapMin,
        overlapTarget: source.overlapTarget,
        selection: source.selection,
        repeatShare: source.repeatShare,
        leaseSeconds: source.leaseSeconds,
        questions: questionsOf(source) as Prisma.InputJsonObject,
        goldRate: source.goldRate,
        qualification: qualityRulesOf(source) as Prisma.InputJsonObject,
        crowd: crowdOf(source) as Prisma.InputJsonObject,
        mode: source.mode,
        arena: arenaOf(source) as Prisma.InputJsonObject,
        // The caller becomes its owner (trigger project_creator_owns).
        createdById: user.id,
        pools: { create: pools.map(({ poolId }) => ({ poolId })) },
      },
    });
    await audit(tx, request, {
      action: "project.create",
      targetType: "project",
      targetId: created.id,
      data: { duplicateOf: sourceId },
    });
    return created;
  });
  return getProjectDto(db, user, copy.id);
}
