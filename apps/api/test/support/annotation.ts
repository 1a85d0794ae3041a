import { randomUUID } from "node:crypto";
import type { TAssignment } from "@arbiter/shared";
import { backdateAssignment } from "@arbiter/testkit";
import { expect } from "vitest";
import { bearer, type Harness, type TestUser } from "./harness";

export type ProjectOptions = {
  items?: number;
  judgmentsPerItem?: number;
  taskType?: "pairwise" | "ranking";
  optionsPerItem?: number;
  questions?: Record<string, unknown>;
  leaseSeconds?: number;
};

/**
 * A pool with these annotators in it; researchers among `attachers` may attach it to their
 * projects (an admin always may).
 */
export async function createPool(
  h: Harness,
  admin: TestUser,
  annotators: TestUser[],
  attachers: TestUser[] = [],
): Promise<string> {
  const pool = await h.app.inject({
    method: "POST",
    url: "/api/v1/pools",
    headers: bearer(admin),
    payload: { name: `pool-${randomUUID()}` },
  });
  const poolId: string = pool.json().pool.id;
  if (annotators.length) {
    await h.app.inject({
      method: "POST",
      url: `/api/v1/pools/${poolId}/members`,
      headers: bearer(admin),
      payload: { userIds: annotators.map((a) => a.id) },
    });
  }
  const researchers = attachers.filter((u) => u.role === "RESEARCHER");
  if (researchers.length) {
    const allowed = await h.app.inject({
      method: "PUT",
      url: `/api/v1/pools/${poolId}/attachers`,
      headers: bearer(admin),
      payload: { userIds: researchers.map((u) => u.id) },
    });
    expect(allowed.statusCode).toBe(200);
  }
  return poolId;
}

/** A project with a pool holding the given annotators, and items whose completions name their model. */
export async function seedProject(
  h: Harness,
  owner: TestUser,
  annotators: TestUser[],
  opts: ProjectOptions = {},
) {
  const admin = owner.role === "ADMIN" ? owner : await h.user("ADMIN");
  const poolId = await createPool(h, admin, annotators, [owner]);
  const taskType = opts.taskType ?? "pairwise";
  const k = opts.optionsPerItem ?? (taskType === "pairwise" ? 2 : 4);
  const projectId = await createProject(h, owner, {
    name: "Helpfulness",
    guidelines: "Pick the **more helpful** answer.",
    taskType,
    optionsPerItem: k,
    judgmentsPerItem: opts.judgmentsPerItem ?? 3,
    leaseSeconds: opts.leaseSeconds ?? 600,
    questions: opts.questions ?? { strength: false },
    poolIds: [poolId],
  });
  const texts = Array.from({ length: opts.items ?? 5 }, (_, i) => `Prompt ${i}`);
  const itemIds = await addItems(h, owner, projectId, texts, (i) => ({
    completions: Array.from({ length: k }, (_, c) => ({
      text: `answer ${i}.${c} from model-${c}`,
      model: `model-${c}`,
    })),
  }));
  return { projectId, poolId, itemIds };
}

/** POST /projects as `owner` with these fields; it must be created. Returns its id. */
export async function createProject(h: Harness, owner: TestUser, fields: Record<string, unknown>) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/v1/projects",
    headers: bearer(owner),
    payload: fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().project.id as string;
}

/**
 * A prompt per text, then an item of each prompt, `item(i)` giving the rest of item i (its
 * completions, a gold answer); returns the items' ids.
 */
export async function addItems(
  h: Harness,
  owner: TestUser,
  projectId: string,
  texts: string[],
  item: (i: number) => Record<string, unknown>,
): Promise<string[]> {
  const prompts = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/prompts`,
    headers: bearer(owner),
    payload: { prompts: texts.map((text) => ({ text })) },
  });
  const promptIds: string[] = prompts.json().prompts.map((p: { id: string }) => p.id);
  const items = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/items`,
    headers: bearer(owner),
    payload: { items: promptIds.map((promptId, i) => ({ promptId, ...item(i) })) },
  });
  expect(items.statusCode, items.body).toBe(201);
  return items.json().items.map((i: { id: string }) => i.id);
}

export async function takeAssignment(h: Harness, user: TestUser, projectId: string) {
  const res = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/assignments`,
    headers: bearer(user),
  });
  return {
    status: res.statusCode,
    assignment: res.statusCode === 201 ? (res.json().assignment as TAssignment) : null,
  };
}

/**
 * Answers as an annotator who read the item for `readMs` first: the server stores the smaller
 * of the client's durationMs and the time since the hand-out, and statistics and exports leave
 * out answers quicker than the project's fastSeconds, so a test that answers at once would
 * otherwise be judged too fast. Tests of that clock pass `readMs: 0` and set it themselves.
 */
export async function judge(
  h: Harness,
  user: TestUser,
  assignmentId: string,
  body: Record<string, unknown> = { choice: "A" },
  key = randomUUID(),
  { readMs = 30_000 }: { readMs?: number } = {},
) {
  if (readMs > 0) await backdateAssignment(h.db.pool, assignmentId, readMs);
  return h.app.inject({
    method: "POST",
    url: `/api/v1/assignments/${assignmentId}/judgment`,
    headers: { ...bearer(user), "idempotency-key": key },
    payload: body,
  });
}
