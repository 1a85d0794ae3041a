import type { Project } from "@arbiter/db";
import {
  type TCrowdConfig,
  type TProject,
  type TProjectRole,
  type TQualityRules,
  type TQuestions,
  ZCrowdConfig,
  ZQualityRules,
  ZQuestions,
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
    leaseSeconds: project.leaseSeconds,
    questions: questionsOf(project),
    poolIds: project.pools.map((p) => p.pool.id),
    pools: project.pools.map((p) => p.pool),
    status: project.status,
    myRole,
    goldRate: project.goldRate,
    quality: qualityRulesOf(project),
    crowd: crowdOf(project),
    counts,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}
