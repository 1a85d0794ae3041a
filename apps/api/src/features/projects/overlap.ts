import type { Prisma, Project } from "@arbiter/db";
import type { TUpdateProjectBody } from "@arbiter/shared";
import { badRequest } from "../../lib/http-error";
import { overlapOf } from "./serialize";

type OverlapColumns = Pick<Project, "judgmentsPerItem" | "overlapMin" | "overlapTarget">;

/** What a new item of the project starts with: a fixed count, or the dynamic min and its max. */
export function newItemOverlap(project: OverlapColumns): {
  judgmentsWanted: number;
  judgmentsMax: number | null;
} {
  return project.overlapMin === null
    ? { judgmentsWanted: project.judgmentsPerItem, judgmentsMax: null }
    : { judgmentsWanted: project.overlapMin, judgmentsMax: project.judgmentsPerItem };
}

/**
 * The overlap columns a PATCH leaves the project with. `overlap` switches the mode (null:
 * fixed); `judgmentsPerItem` alone sets the fixed count, and on a dynamic project may only
 * repeat its max: an older client knowing only the fixed count must not switch the mode
 * behind the researcher's back.
 */
export function overlapAfter(before: OverlapColumns, input: TUpdateProjectBody): OverlapColumns {
  const { overlap, judgmentsPerItem } = input;
  const kept = {
    judgmentsPerItem: before.judgmentsPerItem,
    overlapMin: before.overlapMin,
    overlapTarget: before.overlapTarget,
  };
  if (overlap)
    return { judgmentsPerItem: overlap.max, overlapMin: overlap.min, overlapTarget: overlap.target };
  if (overlap === undefined && overlapOf(before) && judgmentsPerItem !== undefined) {
    if (judgmentsPerItem === before.judgmentsPerItem) return kept;
    const message =
      "the project has a dynamic overlap: change overlap.max, or send overlap: null for a fixed count";
    throw badRequest(`body.judgmentsPerItem: ${message}`, [{ path: "body.judgmentsPerItem", message }]);
  }
  if (overlap === undefined && judgmentsPerItem === undefined) return kept;
  return {
    judgmentsPerItem: judgmentsPerItem ?? before.judgmentsPerItem,
    overlapMin: null,
    overlapTarget: null,
  };
}

/**
 * Re-applies a changed overlap to every item not disabled. Fixed: the item wants the new
 * count and is complete once it has it. Dynamic: it wants the new min, may reach the new
 * max, and is complete only at the max; items at their wanted count wait (unleasable) for
 * the worker to decide them again under the new settings. judgments_wanted never drops
 * below what was counted. A change of the target alone changes no item.
 */
export async function applyOverlap(
  tx: Prisma.TransactionClient,
  projectId: string,
  before: OverlapColumns,
  after: OverlapColumns,
): Promise<void> {
  if (before.judgmentsPerItem === after.judgmentsPerItem && before.overlapMin === after.overlapMin) return;
  const { judgmentsWanted: wanted, judgmentsMax: max } = newItemOverlap(after);
  const done = max ?? wanted;
  await tx.$executeRaw`UPDATE items SET judgments_wanted = GREATEST(${wanted}::int, judgments_count),
        judgments_max = ${max}::int,
        status = CASE WHEN judgments_count >= ${done}::int THEN 'COMPLETE'::"ItemStatus" ELSE 'OPEN'::"ItemStatus" END,
        completed_at = CASE WHEN judgments_count >= ${done}::int THEN COALESCE(completed_at, now()) ELSE NULL END
      WHERE project_id = ${projectId}::uuid AND status <> 'DISABLED'`;
}
