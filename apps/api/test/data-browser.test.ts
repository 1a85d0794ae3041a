import type { TItemDetail, TItemSummary, TJudgmentSearchRow } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

// Items 0..3, two judgments wanted each, answered by a1 and a2:
//   item 0: both prefer model-0, a1 writes a rationale (agreement 1)
//   item 1: a1 prefers model-0, a2 model-1 with a rationale and the flag "unsafe" (agreement 0.5)
//   item 2: both prefer model-0, a1 flags "off_topic" without a rationale
//   item 3: both prefer model-0
let h: Harness;
let admin: TestUser;
let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let a1: TestUser;
let a2: TestUser;
let a3: TestUser;
let projectId: string;
let itemIds: string[];
/** The shown key a2 chose on item 1 (model-1's key). */
let a2KeyOnItem1 = "";

function answerFor(user: TestUser, item: number, modelKey: (model: number) => string) {
  if (item === 0 && user === a1) return { choice: modelKey(0), rationale: "Clear and correct." };
  if (item === 1 && user === a2)
    return {
      choice: modelKey(1),
      rationale: "Mentions a dangerous chemical, 100% wrong.",
      flags: ["unsafe"],
    };
  if (item === 2 && user === a1) return { choice: modelKey(0), flags: ["off_topic"] };
  return { choice: modelKey(0) };
}

async function answerAll(user: TestUser) {
  for (;;) {
    const { status, assignment } = await takeAssignment(h, user, projectId);
    if (status === 204 || !assignment) return;
    // Completion texts are "answer <item>.<position> from model-<position>".
    const item = Number(/answer (\d+)\./.exec(assignment.options[0]!.text)![1]);
    const modelKey = (m: number) => assignment.options.find((o) => o.text.endsWith(`model-${m}`))!.key;
    const body = answerFor(user, item, modelKey);
    if (item === 1 && user === a2) a2KeyOnItem1 = body.choice;
    const res = await judge(h, user, assignment.id, body);
    expect(res.statusCode, res.body).toBe(201);
  }
}

const as = (user: TestUser, method: "GET" | "PUT" | "POST" | "DELETE", url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1/projects/${projectId}${url}`, headers: bearer(user), payload });

async function listIds(query: string, user = owner): Promise<string[]> {
  const res = await as(user, "GET", `/items?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: TItemSummary) => i.id);
}
const idsOf = (...n: number[]) => n.map((i) => itemIds[i]!);
const sorted = (ids: string[]) => [...ids].sort();

beforeAll(async () => {
  h = await createHarness();
  [admin, owner, viewer, stranger, a1, a2, a3] = await Promise.all([
    h.user("ADMIN"),
    h.user("RESEARCHER"),
    h.user("RESEARCHER"),
    h.user("RESEARCHER"),
    h.user("ANNOTATOR"),
    h.user("ANNOTATOR"),
    h.user("ANNOTATOR"),
  ]);
  ({ projectId, itemIds } = await seedProject(h, owner, [a1, a2, a3], {
    items: 4,
    judgmentsPerItem: 2,
    questions: { strength: false, flags: ["unsafe", "off_topic"] },
  }));
  const member = await as(owner, "POST", "/members", { email: viewer.email, role: "VIEWER" });
  expect(member.statusCode, member.body).toBeLessThan(300);
  await answerAll(a1);
  await answerAll(a2);
});
afterAll(async () => h?.close());

describe("items list filters", () => {
  it("reports agreement, flags and rationales per item", async () => {
    const res = await as(owner, "GET", "/items?limit=10");
    const rows: TItemSummary[] = res.json().items;
    const one = rows.find((r) => r.id === itemIds[1])!;
    expect(one).toMatchObject({
      status: "COMPLETE",
      judgments: 2,
      agreement: 0.5,
      flagged: 1,
      rationales: 1,
    });
    expect(rows.find((r) => r.id === itemIds[3])).toMatchObject({ agreement: 1, flagged: 0, rationales: 0 });
  });

  it("filters by status, model, agreement, flags, rationale and text", async () => {
    expect(sorted(await listIds("status=COMPLETE"))).toEqual(sorted(itemIds));
    expect(await listIds("status=OPEN")).toEqual([]);
    expect(sorted(await listIds("model=model-1"))).toEqual(sorted(itemIds));
    expect(await listIds("model=model-9")).toEqual([]);
    expect(await listIds("agreementBelow=0.75")).toEqual(idsOf(1));
    expect(sorted(await listIds("agreementAtLeast=1"))).toEqual(sorted(idsOf(0, 2, 3)));
    expect(sorted(await listIds("flagged=true"))).toEqual(sorted(idsOf(1, 2)));
    expect(sorted(await listIds("flagged=false"))).toEqual(sorted(idsOf(0, 3)));
    expect(await listIds("flag=unsafe")).toEqual(idsOf(1));
    expect(sorted(await listIds("hasRationale=true"))).toEqual(sorted(idsOf(0, 1)));
    expect(await listIds("q=DANGEROUS")).toEqual(idsOf(1));
    expect(await listIds("q=off_top")).toEqual(idsOf(2));
    // % and _ are literal characters in a search, not wildcards.
    expect(await listIds(`q=${encodeURIComponent("100%")}`)).toEqual(idsOf(1));
    expect(await listIds(`q=${encodeURIComponent("%%")}`)).toEqual([]);
    expect(await listIds("flagged=true&hasRationale=true")).toEqual(idsOf(1));
  });

  it("pages the filtered list with its cursor", async () => {
    const first = (await as(owner, "GET", "/items?agreementAtLeast=1&limit=2")).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await as(owner, "GET", `/items?agreementAtLeast=1&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.nextCursor).toBeNull();
    expect(sorted([...first.items, ...second.items].map((i: TItemSummary) => i.id))).toEqual(
      sorted(idsOf(0, 2, 3)),
    );
  });

  it("answers bad and unknown filters with a 400 naming them", async () => {
    const unknown = await as(owner, "GET", "/items?colour=red");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("colour");
    const share = await as(owner, "GET", "/items?agreementBelow=2");
    expect(share.statusCode).toBe(400);
    expect(share.body).toContain("agreementBelow");
    expect((await as(owner, "GET", "/items?status=RETIRED")).statusCode).toBe(400);
  });
});

describe("item detail", () => {
  it("tells answers in canonical positions with the shown order, annotators by pseudonym", async () => {
    const res = await as(owner, "GET", `/items/${itemIds[1]}`);
    expect(res.statusCode, res.body).toBe(200);
    const item: TItemDetail = res.json().item;
    expect(item.completions.map((c) => c.model)).toEqual(["model-0", "model-1"]);
    expect(item.prompt.text).toBe("Prompt 1");
    expect(item.canEdit).toBe(true);
    expect(item.judgments).toHaveLength(2);
    const quality = (await as(owner, "GET", "/quality")).json().annotators as {
      user: { id: string; pseudonym: string };
    }[];
    const pseudonymOf = (u: TestUser) => quality.find((q) => q.user.id === u.id)!.user.pseudonym;
    const byA2 = item.judgments.find((j) => j.annotator.pseudonym === pseudonymOf(a2))!;
    expect(byA2.answer).toEqual({ kind: "preferred", ranking: [[1], [0]] });
    // The key a2 pressed showed completion 1.
    expect(byA2.shownOrder["ABCDEFGHI".indexOf(a2KeyOnItem1)]).toBe(1);
    expect(byA2).toMatchObject({
      rationale: "Mentions a dangerous chemical, 100% wrong.",
      flags: ["unsafe"],
      counted: true,
      late: false,
      superseded: false,
      annotator: { email: null, status: "ADMITTED" },
    });
    expect(JSON.stringify(item)).not.toContain(a2.email);
    const byA1 = item.judgments.find((j) => j.annotator.pseudonym === pseudonymOf(a1))!;
    expect(byA1.answer).toEqual({ kind: "preferred", ranking: [[0], [1]] });
  });

  it("shows admins the annotators' emails", async () => {
    const item: TItemDetail = (await as(admin, "GET", `/items/${itemIds[1]}`)).json().item;
    expect(item.judgments.map((j) => j.annotator.email).sort()).toEqual([a1.email, a2.email].sort());
  });

  it("is 404 for a stranger and for an item of another project; viewers read it but may not edit", async () => {
    expect((await as(stranger, "GET", `/items/${itemIds[0]}`)).statusCode).toBe(404);
    const other = await seedProject(h, owner, [], { items: 1 });
    const wrong = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/items/${other.itemIds[0]}`,
      headers: bearer(owner),
    });
    expect(wrong.statusCode).toBe(404);
    const seen = await as(viewer, "GET", `/items/${itemIds[0]}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().item.canEdit).toBe(false);
  });
});

describe("gold, retire and reopen", () => {
  it("marks an item gold with an import-shaped answer and unmarks it", async () => {
    const res = await as(owner, "PUT", `/items/${itemIds[3]}/gold`, { preferred: 1, strength: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item).toMatchObject({
      isGold: true,
      goldAnswer: { kind: "preferred", ranking: [[1], [0]], strength: 3 },
    });
    expect(await listIds("gold=true")).toEqual(idsOf(3));
    const tie = await as(owner, "PUT", `/items/${itemIds[3]}/gold`, { preferred: "tie" });
    expect(tie.json().item.goldAnswer).toMatchObject({ kind: "tie", ranking: [[0, 1]] });
    const cleared = await as(owner, "DELETE", `/items/${itemIds[3]}/gold`);
    expect(cleared.json().item).toMatchObject({ isGold: false, goldAnswer: null });
    expect(await listIds("gold=true")).toEqual([]);
  });

  it("rejects a gold answer that does not fit the project, naming the field", async () => {
    const ranking = await as(owner, "PUT", `/items/${itemIds[3]}/gold`, { ranking: [[0], [1]] });
    expect(ranking.statusCode).toBe(400);
    expect(ranking.body).toContain("use preferred");
    const extra = await as(owner, "PUT", `/items/${itemIds[3]}/gold`, { preferred: 0, colour: "red" });
    expect(extra.statusCode).toBe(400);
    expect(extra.body).toContain("colour");
  });

  it("reopens a complete item for more judgments, and a retired item is never leased", async () => {
    expect((await takeAssignment(h, a3, projectId)).status).toBe(204);
    const reopened = await as(owner, "POST", `/items/${itemIds[0]}/reopen`, {});
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().item).toMatchObject({ status: "OPEN", judgmentsWanted: 3, judgmentsCount: 2 });
    expect((await as(owner, "POST", `/items/${itemIds[0]}/reopen`, {})).statusCode).toBe(409);

    const lease = await takeAssignment(h, a3, projectId);
    expect(lease.status).toBe(201);
    expect(lease.assignment!.options[0]!.text).toMatch(/^answer 0\./);

    const retired = await as(owner, "POST", `/items/${itemIds[0]}/retire`);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().item.status).toBe("DISABLED");
    // The lease was released: the annotator gets nothing new, the item being the only open one.
    expect((await takeAssignment(h, a3, projectId)).status).toBe(204);
    expect(await listIds("status=DISABLED")).toEqual(idsOf(0));
    // An answer sent on the released lease is kept but not counted.
    const late = await judge(h, a3, lease.assignment!.id, { choice: "A" });
    expect(late.statusCode, late.body).toBe(201);
    const after: TItemDetail = (await as(owner, "GET", `/items/${itemIds[0]}`)).json().item;
    expect(after.judgmentsCount).toBe(2);
    expect(after.judgments.at(-1)).toMatchObject({ counted: false, late: true });

    const events = await h.db.prisma.auditEvent.findMany({
      where: { targetId: itemIds[0] },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["item.reopen", "item.retire"]);
    expect(events[1]!.data).toMatchObject({ releasedLeases: 1 });
  });

  it("reopens a retired item without lowering what it wants", async () => {
    const res = await as(owner, "POST", `/items/${itemIds[0]}/reopen`, { moreJudgments: 2 });
    expect(res.json().item).toMatchObject({ status: "OPEN", judgmentsWanted: 4, judgmentsCount: 2 });
    const again = await as(owner, "POST", `/items/${itemIds[2]}/reopen`);
    expect(again.json().item).toMatchObject({ status: "OPEN", judgmentsWanted: 3 });
    const bad = await as(owner, "POST", `/items/${itemIds[2]}/reopen`, { moreJudgments: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("moreJudgments");
  });

  it("refuses viewers (403) and strangers (404)", async () => {
    for (const [method, path, body] of [
      ["POST", "retire", undefined],
      ["POST", "reopen", {}],
      ["PUT", "gold", { preferred: 0 }],
      ["DELETE", "gold", undefined],
    ] as const) {
      expect((await as(viewer, method, `/items/${itemIds[1]}/${path}`, body)).statusCode).toBe(403);
      expect((await as(stranger, method, `/items/${itemIds[1]}/${path}`, body)).statusCode).toBe(404);
    }
    expect((await as(owner, "GET", `/items/${itemIds[1]}`)).json().item.status).toBe("COMPLETE");
  });
});

describe("judgment search", () => {
  const search = async (query: string, user = owner): Promise<TJudgmentSearchRow[]> => {
    const res = await as(user, "GET", `/judgments?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().judgments;
  };

  it("lists judgments with a rationale or flags, searchable, with their items", async () => {
    expect(await search("")).toHaveLength(3);
    const [hit, ...rest] = await search("q=chemical");
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({
      itemId: itemIds[1],
      promptPreview: "Prompt 1",
      models: ["model-0", "model-1"],
      answer: { kind: "preferred", ranking: [[1], [0]] },
      flags: ["unsafe"],
      annotator: { email: null },
    });
    expect((await search("flag=off_topic")).map((j) => j.itemId)).toEqual(idsOf(2));
    expect((await search("hasRationale=false")).map((j) => j.itemId)).toEqual(idsOf(2));
    expect(await search("q=nothing-like-this")).toEqual([]);
    expect((await search("q=chemical", admin))[0]!.annotator.email).toBe(a2.email);
    expect((await as(owner, "GET", "/judgments?flags=unsafe")).statusCode).toBe(400);
    expect((await as(stranger, "GET", "/judgments")).statusCode).toBe(404);
  });
});

describe("pasted prompts", () => {
  const paste = (format: string, content: string, kind = "prompts", mode = "partial") => {
    const boundary = "----arbiter-paste";
    return h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/${kind}/import?format=${format}&mode=${mode}`,
      headers: { ...bearer(owner), "content-type": `multipart/form-data; boundary=${boundary}` },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pasted.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    });
  };

  it("takes one prompt per line, blank lines skipped", async () => {
    const res = await paste("lines", "What is a tide?\n\n  Why is the sky blue?  \r\nWhat is a tide?\n");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lines: 3, imported: 2, duplicates: 1, rejected: 0 });
  });

  it("reports a bad JSONL line by number and keeps the good ones in partial mode", async () => {
    const res = await paste(
      "jsonl",
      '{"text":"Name a river."}\n{"text": oops}\n{"messages":[{"role":"user","content":"Hi"}]}',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ imported: 2, rejected: 1, rolledBack: false });
    expect(body.rejects[0].line).toBe(2);
    expect(body.rejects[0].reason).toContain("invalid JSON");
  });

  it("keeps plain lines for prompts only", async () => {
    const res = await paste("lines", "model-0 text", "completions");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("format");
  });
});
