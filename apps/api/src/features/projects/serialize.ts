import type { Project } from "@arbiter/db";
import {
  type TArenaSettings,
  type TCrowdConfig,
  type TOverlap,
  type TProject,
  type TProjectRole,
  type TQualityRules,
  type TQuestions,
  ZArenaSettings,
  ZCrowdConfig,
  ZQualityRules,
  ZQuestions,
  ZSelection,
} from "@arbiter/shared";

export type ProjectCounts = TProject["counts"];

export function toTaskType(t: Project["taskType"]): TProject["taskType"] {
  return t === "PAIRWISE" ? "pairwise" : "ranking";
}

export function fromTaskType(t: TProject["taskType"]): Project["taskType"] {
  return t === "pairwise" ? "PAIRWISE" : "RANKING";
}

/** Questions were validated on the way in; parsing again fills defaults added since. */
export function questionsOf(project: Pick<Project, "questions">): TQuestions {
  return ZQuestions.parse(project.questions ?? {});
}

export function qualityRulesOf(project: Pick<Project, "qualification">): TQualityRules {
  return ZQualityRules.parse(project.qualification ?? {});
}

export function crowdOf(project: Pick<Project, "crowd">): TCrowdConfig {
  return ZCrowdConfig.parse(project.crowd ?? {});
}

/** Arena settings with the defaults of fields added since they were written. */
export function arenaOf(project: { arena: unknown }): TArenaSettings {
  return ZArenaSettings.parse(project.arena ?? {});
}

export function toMode(m: Project["mode"]): TProject["mode"] {
  return m === "ARENA" ? "arena" : "standard";
}

export function fromMode(m: TProject["mode"]): Project["mode"] {
  return m === "arena" ? "ARENA" : "STANDARD";
}

/** The dynamic overlap, or null for a fixed count (the columns are both set or both NULL). */
export function overlapOf(
  project: Pick<Project, "overlapMin" | "overlapTarget" | "judgmentsPerItem">,
): TOverlap | null {
  if (project.overlapMin === null || project.overlapTarget === null) return null;
  return { min: project.overlapMin, max: project.judgmentsPerItem, target: project.overlapTarget };
}

export type ProjectWithPools = Project & { pools: { pool: { id: string; name: string } }[] };

export function toProjectDto(
  project: ProjectWithPools,
  counts: ProjectCounts,
  myRole: TProjectRole,
): TProject {
  return {
    id: project.id,
    slug: project.slug,
    name: project.name,
    guidelines: project.guidelines,
    taskType: toTaskType(project.taskType),
    optionsPerItem: project.optionsPerItem,
    judgmentsPerItem: project.judgmentsPerItem,
    overlap: overlapOf(project),
    selection: ZSelection.parse(project.selection),
    repeats: { share: project.repeatShare },
    leaseSeconds: project.leaseSeconds,
    questions: questionsOf(project),
    poolIds: project.pools.map((p) => p.pool.id),
    pools: project.pools.map((p) => p.pool),
    status: project.status,
    myRole,
    goldRate: project.goldRate,
    quality: qualityRulesOf(project),
    crowd: crowdOf(project),
    mode: toMode(project.mode),
    arena: arenaOf(project),
    counts,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}
