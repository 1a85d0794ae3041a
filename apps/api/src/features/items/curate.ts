import { type Db, Prisma } from "@arbiter/db";
import type { TGoldInput } from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import { assertProject } from "../projects/access";
import { goldAnswerOf, goldProblems } from "./service";

// A researcher's changes to one item: its known answer, retiring it, reopening it. Each is
// one transaction with its audit event. The assignment functions (prisma/functions) lease
// only OPEN items (gold ones: any but DISABLED), so a status change is all they need.

async function itemIn(tx: Pick<Db["prisma"], "item">, projectId: string, itemId: string) {
  const item = await tx.item.findFirst({
    where: { id: itemId, projectId },
    include: { completions: { orderBy: { position: "asc" }, select: { completionId: true } } },
  });
  if (!item) throw notFound("Item");
  return item;
}

/** Makes the item gold with this known answer (by completion position, as item import takes it). */
export async function setGold(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  itemId: string,
  gold: TGoldInput,
) {
  const project = await assertProject(db, projectId);
  const problems = goldProblems(gold, project.taskType, project.optionsPerItem, "body");
  if (problems.length > 0) throw badRequest(`${problems[0]!.path}: ${problems[0]!.message}`, problems);
  await db.prisma.$transaction(async (tx) => {
    const item = await itemIn(tx, projectId, itemId);
    const goldAnswer = goldAnswerOf(
      gold,
      item.completions.map((c) => c.completionId),
    );
    await tx.item.update({ where: { id: itemId }, data: { isGold: true, goldAnswer } });
    await audit(tx, request, {
      action: "item.gold",
      targetType: "item",
      targetId: itemId,
      data: { projectId, gold },
    });
  });
}

/** The item is an ordinary one again; judgments already given to it as gold stay scored. */
export async function clearGold(db: Db, request: FastifyRequest, projectId: string, itemId: string) {
  await db.prisma.$transaction(async (tx) => {
    await itemIn(tx, projectId, itemId);
    await tx.item.update({ where: { id: itemId }, data: { isGold: false, goldAnswer: Prisma.DbNull } });
    await audit(tx, request, {
      action: "item.gold_cleared",
      targetType: "item",
      targetId: itemId,
      data: { projectId },
    });
  });
}

/**
 * Takes the item out of assignment and exports; its judgments are kept. Active leases on it
 * are released (expired now): the status is changed first, under the row lock the lease
 * functions take, so no lease is granted after the release reads them.
 */
export async function retireItem(db: Db, request: FastifyRequest, projectId: string, itemId: string) {
  await db.prisma.$transaction(async (tx) => {
    await itemIn(tx, projectId, itemId);
    await tx.item.update({ where: { id: itemId }, data: { status: "DISABLED" } });
    const released = await tx.assignment.updateMany({
      where: { itemId, status: "ACTIVE", expiresAt: { gt: new Date() } },
      data: { expiresAt: new Date() },
    });
    await audit(tx, request, {
      action: "item.retire",
      targetType: "item",
      targetId: itemId,
      data: { projectId, releasedLeases: released.count },
    });
  });
}

/**
 * A retired or complete item becomes open again, wanting at least `more` judgments beyond
 * those already counted (judgmentsWanted never drops, so never below the count either).
 */
export async function reopenItem(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  itemId: string,
  more: number,
) {
  await db.prisma.$transaction(async (tx) => {
    const item = await itemIn(tx, projectId, itemId);
    if (item.status === "OPEN") throw conflict("item_open", "The item is already open");
    // In SQL, so that a judgment counted meanwhile is counted here too.
    const [updated] = await tx.$queryRaw<{ wanted: number }[]>`
      UPDATE items SET status = 'OPEN', completed_at = NULL,
             judgments_wanted = GREATEST(judgments_wanted, judgments_count + ${more}::int),
             -- A dynamic item may then go past its max: the researcher asked for these answers.
             judgments_max = CASE WHEN judgments_max IS NOT NULL
                                  THEN GREATEST(judgments_max, judgments_count + ${more}::int) END
       WHERE id = ${itemId}::uuid
      RETURNING judgments_wanted AS wanted`;
    await audit(tx, request, {
      action: "item.reopen",
      targetType: "item",
      targetId: itemId,
      data: {
        projectId,
        from: item.status,
        judgmentsWanted: { from: item.judgmentsWanted, to: updated!.wanted },
      },
    });
  });
}
