import type { TAssignment } from "@arbiter/shared";
import { addItems, createPool, createProject } from "./annotation";
import { bearer, type Harness, type TestUser } from "./harness";

export type QualityProjectOptions = {
  regular: number;
  gold: number;
  goldRate: number;
  judgmentsPerItem?: number;
  quality?: Record<string, unknown>;
  questions?: Record<string, unknown>;
};

/**
 * A pairwise project whose completions say what they are: in every item the first
 * uploaded completion ("better ...") is the true preference, and gold items know it.
 */
export async function seedQualityProject(
  h: Harness,
  owner: TestUser,
  annotators: TestUser[],
  opts: QualityProjectOptions,
) {
  const admin = await h.user("ADMIN");
  const poolId = await createPool(h, admin, annotators, [owner]);
  const projectId = await createProject(h, owner, {
    name: "Quality",
    guidelines: "Pick the better answer.",
    taskType: "pairwise",
    optionsPerItem: 2,
    judgmentsPerItem: opts.judgmentsPerItem ?? 3,
    questions: opts.questions ?? { strength: false },
    poolIds: [poolId],
    goldRate: opts.goldRate,
    quality: opts.quality ?? {},
  });
  const texts = Array.from({ length: opts.regular + opts.gold }, (_, i) => `Question ${i}?`);
  await addItems(h, owner, projectId, texts, (i) => ({
    completions: [
      { text: `better answer ${i}`, model: "good-model" },
      { text: `worse answer ${i}`, model: "weak-model" },
    ],
    ...(i >= opts.regular ? { gold: { preferred: 0 } } : {}),
  }));
  return { projectId, poolId, admin };
}

/** The shown key of the truly better option. */
export function betterKey(assignment: TAssignment): "A" | "B" {
  return assignment.options.find((o) => o.text.startsWith("better"))!.key as "A" | "B";
}

export function isGoldText(assignment: TAssignment, regular: number): boolean {
  const n = Number(/(\d+)$/.exec(assignment.options[0]!.text)![1]);
  return n >= regular;
}

export async function standing(h: Harness, user: TestUser, projectId: string) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/v1/me/progress?projectId=${projectId}`,
    headers: bearer(user),
  });
  return res.json().progress.standing as string | null;
}
