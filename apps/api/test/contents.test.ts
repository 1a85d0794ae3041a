import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let researcher: TestUser;
let projectId: string;
let promptIds: string[];

beforeAll(async () => {
  h = await createHarness();
  researcher = await h.user("RESEARCHER");
  projectId = await createProject(h, researcher, { name: "Contents", questions: { strength: false } });
  const prompts = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/prompts`,
    headers: bearer(researcher),
    payload: {
      prompts: [
        { externalId: "a", text: "What is a tide?" },
        {
          externalId: "b",
          messages: [
            { role: "system", content: "Be brief." },
            { role: "user", content: "Name a moon." },
            { role: "assistant", content: "Io." },
            { role: "user", content: "Another one?" },
          ],
        },
        { externalId: "c", text: "Why is the sea salty?" },
      ],
    },
  });
  promptIds = prompts.json().prompts.map((p: { id: string }) => p.id);
  const items = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/items`,
    headers: bearer(researcher),
    payload: {
      items: promptIds.slice(0, 2).map((promptId) => ({
        promptId,
        completions: [
          { text: "Gravity of the moon.", model: "model-a" },
          { text: "Wind.", model: "model-b" },
        ],
      })),
    },
  });
  expect(items.statusCode).toBe(201);
});
afterAll(async () => h?.close());

const get = (url: string) => h.app.inject({ method: "GET", url, headers: bearer(researcher) });

describe("project contents for researchers", () => {
  it("pages prompts newest first with previews (a conversation by its last user turn)", async () => {
    const first = await get(`/api/v1/projects/${projectId}/prompts?limit=2`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.prompts).toHaveLength(2);
    expect(page1.nextCursor).toBe(page1.prompts[1].id);
    const second = (
      await get(`/api/v1/projects/${projectId}/prompts?limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(second.nextCursor).toBeNull();
    const all = [...page1.prompts, ...second.prompts];
    expect(new Set(all.map((p: { id: string }) => p.id))).toEqual(new Set(promptIds));
    type Row = { externalId: string; preview: string; completions: number };
    const byExternal: Record<string, Row> = Object.fromEntries(all.map((p: Row) => [p.externalId, p]));
    expect(byExternal.b?.preview).toBe("Another one?");
    expect(byExternal.a).toMatchObject({ preview: "What is a tide?", completions: 2 });
    expect(byExternal.c?.completions).toBe(0);
  });

  it("lists items with their completions' models in canonical order", async () => {
    const res = await get(`/api/v1/projects/${projectId}/items?limit=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0].completions.map((c: { model: string }) => c.model)).toEqual(["model-a", "model-b"]);
    expect(body.items[0].completions[0]).toMatchObject({
      source: "IMPORTED",
      generatorName: null,
      position: 0,
    });
    const rest = (await get(`/api/v1/projects/${projectId}/items?limit=1&cursor=${body.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.items[0].id).not.toBe(body.items[0].id);
    expect(rest.nextCursor).toBeNull();
    const complete = (await get(`/api/v1/projects/${projectId}/items?status=COMPLETE`)).json();
    expect(complete.items).toEqual([]);
  });

  it("sums completions per model and counts items", async () => {
    const res = await get(`/api/v1/projects/${projectId}/contents`);
    expect(res.statusCode).toBe(200);
    const { summary } = res.json();
    expect(summary).toMatchObject({
      prompts: 3,
      promptsWithCompletions: 2,
      completions: 4,
      items: { total: 2, open: 2, complete: 0, gold: 0 },
    });
    expect(
      summary.models.map((m: { model: string; completions: number }) => [m.model, m.completions]),
    ).toEqual([
      ["model-a", 2],
      ["model-b", 2],
    ]);
  });

  it("rejects a bad cursor or status with the failing field, and unknown projects with 404", async () => {
    const cursor = await get(`/api/v1/projects/${projectId}/items?cursor=nope`);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.message).toContain("cursor");
    const status = await get(`/api/v1/projects/${projectId}/items?status=DONE`);
    expect(status.statusCode).toBe(400);
    expect(status.json().error.message).toContain("status");
    const missing = await get("/api/v1/projects/00000000-0000-4000-8000-000000000000/contents");
    expect(missing.statusCode).toBe(404);
  });

  it("keeps annotators out", async () => {
    const annotator = await h.user("ANNOTATOR");
    const res = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/items`,
      headers: bearer(annotator),
    });
    expect(res.statusCode).toBe(403);
  });
});
