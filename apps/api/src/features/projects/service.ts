import { randomBytes } from "node:crypto";
import type { Db, Prisma } from "@arbiter/db";
import {
  FIXED_SETTINGS,
  fixedReason,
  type TCreateProjectBody,
  type TFixedSetting,
  type TProjectListResponse,
  type TQuestions,
  type TUpdateProjectBody,
  ZQuestions,
} from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, conflict, notFound } from "../../lib/http-error";
import { page, pageArgs } from "../../lib/pagination";
import type { AuthUser } from "../../lib/principal";
import type { ProjectRole } from "./access";
import { applyOverlap, overlapAfter } from "./overlap";
import { fromMode, fromTaskType, type ProjectCounts, questionsOf, toProjectDto } from "./serialize";

export const withPools = {
  pools: { select: { pool: { select: { id: true, name: true } } }, orderBy: { pool: { name: "asc" } } },
} as const satisfies Prisma.ProjectInclude;

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "project"}-${randomBytes(3).toString("hex")}`;
}

/**
 * Pools the caller may newly attach: any pool for an admin; for a researcher, pools whose
 * admin allowed them (pool_attachers). Pools already attached may stay or go: detaching
 * only narrows who works on the project.
 */
export async function assertPoolsAttachable(
  db: Db,
  user: AuthUser,
  poolIds: string[],
  attached: string[] = [],
): Promise<void> {
  const adding = poolIds.filter((id) => !attached.includes(id));
  if (adding.length === 0) return;
  const found = await db.prisma.pool.findMany({
    where: {
      id: { in: adding },
      ...(user.role === "ADMIN" ? {} : { attachers: { some: { userId: user.id } } }),
    },
    select: { id: true },
  });
  const allowed = new Set(found.map((p) => p.id));
  const refused = poolIds.findIndex((id) => adding.includes(id) && !allowed.has(id));
  if (refused >= 0) {
    const message =
      user.role === "ADMIN" ? "no such pool" : "no such pool, or its admin has not allowed you to attach it";
    throw badRequest(`body.poolIds.${refused}: ${message}`, [{ path: `body.poolIds.${refused}`, message }]);
  }
}

export async function projectCounts(db: Db, projectIds: string[]): Promise<Map<string, ProjectCounts>> {
  const { rows } = await db.pool.query<{
    id: string;
    prompts: number;
    items: number;
    complete_items: number;
    judgments: number;
  }>(
    `SELECT p.id,
            (SELECT count(*)::int FROM prompts WHERE project_id = p.id) AS prompts,
            (SELECT count(*)::int FROM items WHERE project_id = p.id) AS items,
            (SELECT count(*)::int FROM items WHERE project_id = p.id AND status = 'COMPLETE') AS complete_items,
            (SELECT count(*)::int FROM judgments WHERE project_id = p.id AND superseded_at IS NULL) AS judgments
       FROM projects p WHERE p.id = ANY($1::uuid[])`,
    [projectIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { prompts: r.prompts, items: r.items, completeItems: r.complete_items, judgments: r.judgments },
    ]),
  );
}

/** The projects the user may see (admins: all; everyone else: theirs), newest first. */
export async function listProjects(
  db: Db,
  user: AuthUser,
  query: {
    status?: "ACTIVE" | "PAUSED" | "ARCHIVED" | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<TProjectListResponse> {
  const rows = await db.prisma.project.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      // Admins see every project; everyone else the projects they are members of.
      ...(user.role === "ADMIN" ? {} : { members: { some: { userId: user.id } } }),
    },
    include: { ...withPools, members: { where: { userId: user.id }, select: { role: true } } },
    ...pageArgs(query),
  });
  const { items, nextCursor } = page(rows, query.limit);
  const counts = await projectCounts(
    db,
    items.map((p) => p.id),
  );
  return {
    projects: items.map((p) => toProjectDto(p, counts.get(p.id)!, roleOf(user, p.members[0]?.role))),
    nextCursor,
  };
}

/** Admins act as owners everywhere (see ZProjectRole). */
function roleOf(user: Pick<AuthUser, "role">, member: ProjectRole | undefined): ProjectRole {
  return user.role === "ADMIN" ? "OWNER" : (member ?? "VIEWER");
}

/** The project as `user` sees it; callers have checked that they may. */
export async function getProjectDto(db: Db, user: Pick<AuthUser, "id" | "role">, id: string) {
  const project = await db.prisma.project.findUnique({
    where: { id },
    include: { ...withPools, members: { where: { userId: user.id }, select: { role: true } } },
  });
  if (!project) throw notFound("Project");
  const counts = await projectCounts(db, [id]);
  return toProjectDto(project, counts.get(id)!, roleOf(user, project.members[0]?.role));
}

export async function createProject(db: Db, request: FastifyRequest, input: TCreateProjectBody) {
  const creator = request.principal!.user;
  await assertPoolsAttachable(db, creator, input.poolIds);
  const project = await db.prisma.$transaction(async (tx) => {
    const created = await tx.project.create({
      data: {
        slug: slugify(input.name),
        name: input.name,
        guidelines: input.guidelines,
        taskType: fromTaskType(input.taskType),
        optionsPerItem: input.optionsPerItem,
        judgmentsPerItem: input.judgmentsPerItem,
        overlapMin: input.overlap?.min ?? null,
        overlapTarget: input.overlap?.target ?? null,
        selection: input.selection,
        repeatShare: input.repeats.share,
        leaseSeconds: input.leaseSeconds,
        questions: input.questions as Prisma.InputJsonObject,
        goldRate: input.goldRate,
        qualification: input.quality as Prisma.InputJsonObject,
        crowd: input.crowd as Prisma.InputJsonObject,
        mode: fromMode(input.mode),
        arena: input.arena as Prisma.InputJsonObject,
        // The creator becomes its owner (trigger project_creator_owns).
        createdById: creator.id,
        pools: { create: [...new Set(input.poolIds)].map((poolId) => ({ poolId })) },
      },
    });
    await audit(tx, request, { action: "project.create", targetType: "project", targetId: created.id });
    return created;
  });
  return getProjectDto(db, creator, project.id);
}

export async function updateProject(db: Db, request: FastifyRequest, id: string, input: TUpdateProjectBody) {
  const before = await db.prisma.project.findUnique({ where: { id }, include: withPools });
  if (!before) throw notFound("Project");
  if (before.status === "ARCHIVED" && Object.keys(input).some((k) => k !== "status")) {
    throw conflict("project_archived", "The project is archived and read-only; restore it to change it");
  }
  const taskType = input.taskType ? fromTaskType(input.taskType) : before.taskType;
  const mode = input.mode ? fromMode(input.mode) : before.mode;
  if (mode === "ARENA" && taskType !== "PAIRWISE") {
    throw badRequest("body.taskType: arena projects are pairwise", [
      { path: "body.taskType", message: "arena projects are pairwise" },
    ]);
  }
  const optionsPerItem = input.optionsPerItem ?? before.optionsPerItem;
  if (taskType === "PAIRWISE" ? optionsPerItem !== 2 : optionsPerItem < 3) {
    throw badRequest("body.optionsPerItem: does not fit the task type", [
      { path: "body.optionsPerItem", message: taskType === "PAIRWISE" ? "must be 2" : "must be 3..9" },
    ]);
  }
  await assertFixedSettingsKept(db, before, {
    taskType: taskType !== before.taskType,
    optionsPerItem: optionsPerItem !== before.optionsPerItem,
    questions: input.questions !== undefined && !sameQuestions(input.questions, questionsOf(before)),
    mode: mode !== before.mode,
  });
  if (input.poolIds) {
    const attached = before.pools.map((p) => p.pool.id);
    await assertPoolsAttachable(db, request.principal!.user, input.poolIds, attached);
  }
  const overlap = overlapAfter(before, input);
  const {
    poolIds,
    questions,
    quality,
    crowd,
    arena,
    overlap: _overlap,
    repeats,
    judgmentsPerItem: _n,
    ...rest
  } = input;
  await db.prisma.$transaction(async (tx) => {
    await tx.project.update({
      where: { id },
      data: {
        ...rest,
        taskType,
        mode,
        ...(arena ? { arena: arena as Prisma.InputJsonObject } : {}),
        ...overlap,
        ...(repeats ? { repeatShare: repeats.share } : {}),
        ...(questions ? { questions: questions as Prisma.InputJsonObject } : {}),
        ...(quality ? { qualification: quality as Prisma.InputJsonObject } : {}),
        ...(crowd ? { crowd: crowd as Prisma.InputJsonObject } : {}),
      },
    });
    if (poolIds) {
      await tx.projectPool.deleteMany({ where: { projectId: id } });
      await tx.projectPool.createMany({
        data: [...new Set(poolIds)].map((poolId) => ({ projectId: id, poolId })),
      });
    }
    await applyOverlap(tx, id, before, overlap);
    await audit(tx, request, {
      action: "project.update",
      targetType: "project",
      targetId: id,
      data: { fields: Object.keys(input) },
    });
  });
  return getProjectDto(db, request.principal!.user, id);
}

function sameQuestions(a: TQuestions, b: TQuestions): boolean {
  return JSON.stringify(ZQuestions.parse(a)) === JSON.stringify(ZQuestions.parse(b));
}

/** Refuses (409, naming the field) a change to a setting that answers already depend on. */
async function assertFixedSettingsKept(
  db: Db,
  project: { id: string },
  changed: Record<TFixedSetting, boolean>,
): Promise<void> {
  const fields = (Object.keys(changed) as TFixedSetting[]).filter((f) => changed[f]);
  if (fields.length === 0) return;
  const counts = (await projectCounts(db, [project.id])).get(project.id)!;
  for (const field of fields) {
    const reason = fixedReason(field, counts);
    if (reason) {
      const code = FIXED_SETTINGS[field] === "items" ? "project_has_items" : "project_has_judgments";
      throw conflict(code, reason, [{ path: `body.${field}`, message: reason }]);
    }
  }
}
