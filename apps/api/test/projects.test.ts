import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

async function createProject(payload: Record<string, unknown>) {
  const r = await h.user("RESEARCHER");
  const res = await h.app.inject({ method: "POST", url: "/api/v1/projects", headers: bearer(r), payload });
  return { r, res };
}

describe("projects", () => {
  it("are created with defaults and read back with counts", async () => {
    const { r, res } = await createProject({ name: "Summaries" });
    expect(res.statusCode).toBe(201);
    const project = res.json().project;
    expect(project).toMatchObject({
      name: "Summaries",
      taskType: "pairwise",
      optionsPerItem: 2,
      judgmentsPerItem: 3,
      leaseSeconds: 600,
      questions: {
        strength: true,
        allowTie: true,
        allowBothBad: true,
        rationale: "optional",
        aspects: [],
        flags: [],
      },
      counts: { prompts: 0, items: 0, completeItems: 0, judgments: 0 },
    });
    expect(project.slug).toMatch(/^summaries-[0-9a-f]{6}$/);
    const one = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${project.id}`,
      headers: bearer(r),
    });
    expect(one.json().project.id).toBe(project.id);
    const list = await h.app.inject({ method: "GET", url: "/api/v1/projects", headers: bearer(r) });
    expect(list.json().projects.map((p: { id: string }) => p.id)).toContain(project.id);
  });

  it("check options per item against the task type and pools against the database", async () => {
    const pairwise = await createProject({ name: "x", taskType: "pairwise", optionsPerItem: 3 });
    expect(pairwise.res.statusCode).toBe(400);
    expect(pairwise.res.json().error.details[0].path).toBe("body.optionsPerItem");
    const ranking = await createProject({ name: "x", taskType: "ranking", optionsPerItem: 2 });
    expect(ranking.res.json().error.details[0].path).toBe("body.optionsPerItem");
    const pools = await createProject({ name: "x", poolIds: [randomUUID()] });
    expect(pools.res.statusCode).toBe(400);
    expect(pools.res.json().error.details[0].path).toBe("body.poolIds.0");
    const aspects = await createProject({
      name: "x",
      questions: {
        aspects: [
          { key: "a", label: "A", scale: 5 },
          { key: "a", label: "B", scale: 5 },
        ],
      },
    });
    expect(aspects.res.json().error.details[0].path).toBe("body.questions.aspects.1.key");
  });

  it("are edited; the task type is fixed once items exist", async () => {
    const { r, res } = await createProject({ name: "Edit me", taskType: "ranking", optionsPerItem: 3 });
    const id = res.json().project.id;
    const patch = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/projects/${id}`,
      headers: bearer(r),
      payload: { name: "Edited", optionsPerItem: 4, questions: { rationale: "required" } },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().project).toMatchObject({
      name: "Edited",
      optionsPerItem: 4,
      questions: { rationale: "required" },
    });
    const prompts = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/prompts`,
      headers: bearer(r),
      payload: { prompts: [{ text: "p" }] },
    });
    const promptId = prompts.json().prompts[0].id;
    await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/items`,
      headers: bearer(r),
      payload: {
        items: [{ promptId, completions: ["a", "b", "c", "d"].map((text) => ({ text, model: "m" })) }],
      },
    });
    const locked = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/projects/${id}`,
      headers: bearer(r),
      payload: { optionsPerItem: 5 },
    });
    expect(locked.statusCode).toBe(409);
  });
});

describe("prompts and items", () => {
  it("prompts come back in input order; repeats are reused, not duplicated", async () => {
    const { r, res } = await createProject({ name: "P" });
    const id = res.json().project.id;
    const conversation = [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ];
    const out = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/prompts`,
      headers: bearer(r),
      payload: {
        prompts: [
          { text: "one", externalId: "e1" },
          { messages: conversation, metadata: { topic: "greeting" } },
          { text: "one" },
        ],
      },
    });
    expect(out.statusCode).toBe(201);
    const prompts = out.json().prompts;
    expect(prompts.map((p: { text: string | null }) => p.text)).toEqual(["one", null, "one"]);
    expect(prompts[1]).toMatchObject({
      messages: conversation,
      metadata: { topic: "greeting" },
      duplicate: false,
    });
    expect(prompts[2]).toMatchObject({ id: prompts[0].id, duplicate: true });
    expect(await h.db.prisma.prompt.count({ where: { projectId: id } })).toBe(2);
  });

  it("a prompt with both or neither of text and messages is reported with its index", async () => {
    const { r, res } = await createProject({ name: "P" });
    const out = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${res.json().project.id}/prompts`,
      headers: bearer(r),
      payload: { prompts: [{ text: "ok" }, { text: "x", messages: [{ role: "user", content: "y" }] }, {}] },
    });
    expect(out.statusCode).toBe(400);
    const paths = out.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(["body.prompts.1.text", "body.prompts.2.text"]);
    expect(await h.db.prisma.prompt.count({ where: { projectId: res.json().project.id } })).toBe(0);
  });

  it("bad item rows are reported with index and reason, and nothing is written", async () => {
    const { r, res } = await createProject({ name: "I" });
    const id = res.json().project.id;
    const prompts = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/prompts`,
      headers: bearer(r),
      payload: { prompts: [{ text: "a" }, { text: "b" }] },
    });
    const [p0, p1] = prompts.json().prompts.map((p: { id: string }) => p.id);
    const two = [
      { text: "x", model: "m1" },
      { text: "y", model: "m2" },
    ];
    const out = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/items`,
      headers: bearer(r),
      payload: {
        items: [
          { promptId: p0, completions: two },
          { promptId: randomUUID(), completions: two },
          { promptId: p1, completions: [...two, { text: "z", model: "m3" }] },
        ],
      },
    });
    expect(out.statusCode).toBe(400);
    expect(out.json().error.details).toEqual([
      { path: "body.items.1.promptId", message: "no such prompt in this project" },
      { path: "body.items.2.completions", message: expect.stringMatching(/exactly 2/) },
    ]);
    expect(await h.db.prisma.item.count({ where: { projectId: id } })).toBe(0);
    expect(await h.db.prisma.completion.count({ where: { promptId: { in: [p0, p1] } } })).toBe(0);

    const ok = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${id}/items`,
      headers: bearer(r),
      payload: {
        items: [
          { promptId: p0, completions: two },
          { promptId: p1, completions: two, priority: 5 },
        ],
      },
    });
    expect(ok.statusCode).toBe(201);
    const items = ok.json().items;
    expect(items[1]).toMatchObject({ promptId: p1, priority: 5, judgmentsWanted: 3, status: "OPEN" });
    const stored = await h.db.prisma.completion.findMany({ where: { id: { in: items[0].completionIds } } });
    expect(stored.every((c) => c.source === "IMPORTED")).toBe(true);
  });
});
