import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let researcher: TestUser;

beforeAll(async () => {
  h = await createHarness({ IMPORT_BODY_LIMIT_BYTES: String(64 * 1024) });
  researcher = await h.user("RESEARCHER");
});
afterAll(async () => h?.close());

function multipart(filename: string, content: string) {
  const boundary = "----arbiter-test-boundary";
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

async function upload(
  projectId: string,
  kind: "prompts" | "completions",
  filename: string,
  content: string,
  query = "",
) {
  const { payload, headers } = multipart(filename, content);
  return h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/${kind}/import${query}`,
    headers: { ...bearer(researcher), ...headers },
    payload,
  });
}

const project = () => createProject(h, researcher, { name: "Imports", questions: { strength: false } });

const count = (projectId: string) => h.db.prisma.prompt.count({ where: { projectId } });

describe("prompt imports", () => {
  const jsonl = [
    JSON.stringify({ externalId: "p1", text: "What is a tide?" }),
    JSON.stringify({ externalId: "p2", messages: [{ role: "user", content: "Name a moon." }] }),
    "{not json",
    JSON.stringify({ externalId: "p3" }),
    "",
    JSON.stringify({ externalId: "p4", text: "What is a tide?" }),
    JSON.stringify({ text: "Why is the sea salty?", metadata: { topic: "sea" } }),
  ].join("\n");

  it("all-or-nothing: reports every bad line with its number and writes nothing", async () => {
    const projectId = await project();
    const res = await upload(projectId, "prompts", "prompts.jsonl", jsonl);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: "all-or-nothing", lines: 6, rejected: 2, rolledBack: true });
    expect(res.json().rejects).toEqual([
      { line: 3, reason: expect.stringContaining("invalid JSON") },
      { line: 4, reason: expect.stringContaining("exactly one of messages or text") },
    ]);
    expect(await count(projectId)).toBe(0);
  });

  it("partial: writes the good lines, reports duplicates and rejects", async () => {
    const projectId = await project();
    const res = await upload(projectId, "prompts", "prompts.jsonl", jsonl, "?mode=partial");
    expect(res.json()).toMatchObject({ imported: 3, duplicates: 1, rejected: 2, rolledBack: false });
    expect(await count(projectId)).toBe(3);
    // The same file again: everything is a duplicate, nothing is added.
    const again = await upload(projectId, "prompts", "prompts.jsonl", jsonl, "?mode=partial");
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 4 });
    expect(await count(projectId)).toBe(3);
  });

  it("dry run checks everything and writes nothing", async () => {
    const projectId = await project();
    const good = [JSON.stringify({ text: "a" }), JSON.stringify({ text: "b" })].join("\n");
    const res = await upload(projectId, "prompts", "p.jsonl", good, "?dryRun=true");
    expect(res.json()).toMatchObject({ dryRun: true, imported: 2, rejected: 0, rolledBack: true });
    expect(await count(projectId)).toBe(0);
  });

  it("reads CSV with a header, JSON columns and quoted newlines", async () => {
    const projectId = await project();
    const csv = [
      "external_id,text,messages,metadata",
      'c1,"A question\nover two lines",,"{""topic"":""x""}"',
      'c2,,"[{""role"":""user"",""content"":""Hi""}]",',
      "c3,,,",
      'c4,text,,"{broken"',
    ].join("\n");
    const res = await upload(projectId, "prompts", "prompts.csv", csv, "?mode=partial");
    expect(res.json()).toMatchObject({ imported: 2, rejected: 2 });
    expect(res.json().rejects).toEqual([
      // c1's quoted newline makes it two file lines, so c3 is on line 5.
      { line: 5, reason: expect.stringContaining("exactly one of messages or text") },
      { line: 6, reason: "column metadata: invalid JSON" },
    ]);
    const c1 = await h.db.prisma.prompt.findFirst({ where: { projectId, externalId: "c1" } });
    expect(c1).toMatchObject({ text: "A question\nover two lines", metadata: { topic: "x" } });
  });

  it("refuses a file over the import limit with 413 and writes nothing", async () => {
    const projectId = await project();
    const line = `${JSON.stringify({ text: "x".repeat(1_000) })}\n`;
    const big = Array.from({ length: 200 }, (_, i) => line.replace("xx", `${i}-`)).join("");
    const res = await upload(projectId, "prompts", "big.jsonl", big, "?mode=partial");
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
    expect(await count(projectId)).toBe(0);
  });

  it("needs a file and a known format", async () => {
    const projectId = await project();
    expect((await upload(projectId, "prompts", "prompts.txt", "x")).statusCode).toBe(400);
    const noFile = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/prompts/import`,
      headers: bearer(researcher),
      payload: { prompts: [] },
    });
    expect(noFile.statusCode).toBe(400);
  });
});

describe("completion imports", () => {
  it("resolves prompts by id or external id inside the project only", async () => {
    const projectId = await project();
    const other = await project();
    await upload(projectId, "prompts", "p.jsonl", JSON.stringify({ externalId: "q1", text: "Question one" }));
    await upload(other, "prompts", "p.jsonl", JSON.stringify({ externalId: "elsewhere", text: "Other" }));
    const q1 = await h.db.prisma.prompt.findFirstOrThrow({ where: { projectId, externalId: "q1" } });
    const foreign = await h.db.prisma.prompt.findFirstOrThrow({ where: { projectId: other } });
    const lines = [
      JSON.stringify({ promptExternalId: "q1", model: "m-a", text: "Answer A" }),
      JSON.stringify({
        promptId: q1.id,
        model: "m-b",
        text: "Answer B",
        sampleIndex: 0,
        finishReason: "stop",
      }),
      JSON.stringify({ promptId: foreign.id, model: "m-b", text: "leak?" }),
      JSON.stringify({ promptExternalId: "nope", model: "m-b", text: "x" }),
      JSON.stringify({ promptExternalId: "q1", text: "no model" }),
    ].join("\n");
    const strict = await upload(projectId, "completions", "c.jsonl", lines);
    expect(strict.json()).toMatchObject({ rejected: 3, rolledBack: true });
    expect(strict.json().rejects.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    expect(await h.db.prisma.completion.count()).toBe(0);

    const partial = await upload(projectId, "completions", "c.jsonl", lines, "?mode=partial");
    expect(partial.json()).toMatchObject({ imported: 2, rejected: 3 });
    const again = await upload(projectId, "completions", "c.jsonl", lines, "?mode=partial");
    expect(again.json()).toMatchObject({ imported: 0, duplicates: 2 });
    const stored = await h.db.prisma.completion.findMany({
      where: { promptId: q1.id },
      orderBy: { model: "asc" },
    });
    expect(stored.map((c) => [c.model, c.source, c.text])).toEqual([
      ["m-a", "IMPORTED", "Answer A"],
      ["m-b", "IMPORTED", "Answer B"],
    ]);

    // Imported completions of two models make cross-model items.
    const built = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/items/build`,
      headers: bearer(researcher),
      payload: { strategy: "cross-generator" },
    });
    expect(built.json()).toMatchObject({ created: 1 });
  });
});
