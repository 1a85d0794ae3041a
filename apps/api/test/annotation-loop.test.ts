import { randomUUID } from "node:crypto";
import { backdateAssignment } from "@arbiter/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

describe("assignments", () => {
  it("are blind: options carry no model name or completion id, and their order is stored server-side", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 1 });
    const { status, assignment } = await takeAssignment(h, a, projectId);
    expect(status).toBe(201);
    expect(assignment!.options.map((o) => o.key)).toEqual(["A", "B"]);
    expect(Object.keys(assignment!.options[0]!).sort()).toEqual(["key", "text"]);
    expect(assignment!.project).toMatchObject({
      taskType: "pairwise",
      guidelines: "Pick the **more helpful** answer.",
    });
    expect(assignment!.prompt).toEqual({ text: "Prompt 0" });
    const stored = await h.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignment!.id } });
    const texts = await h.db.prisma.completion.findMany({ where: { id: { in: stored.shownOrder } } });
    const byId = new Map(texts.map((c) => [c.id, c.text]));
    expect(stored.shownOrder.map((id) => byId.get(id))).toEqual(assignment!.options.map((o) => o.text));
  });

  it("shuffle the options per assignment", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators = await Promise.all(Array.from({ length: 24 }, () => h.user("ANNOTATOR")));
    const { projectId } = await seedProject(h, researcher, annotators, { items: 1, judgmentsPerItem: 24 });
    const firsts = new Set<string>();
    for (const a of annotators) {
      const { assignment } = await takeAssignment(h, a, projectId);
      firsts.add(assignment!.options[0]!.text);
    }
    // Both orders appear; the chance of 24 identical fair shuffles is 2^-23.
    expect(firsts.size).toBe(2);
  });

  it("return the assignment already held instead of a new one", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 3 });
    const first = await takeAssignment(h, a, projectId);
    const again = await takeAssignment(h, a, projectId);
    expect(again.assignment!.id).toBe(first.assignment!.id);
  });

  it("serve the item nearest to completion first, then the oldest", async () => {
    const researcher = await h.user("RESEARCHER");
    const [a, b] = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId, itemIds } = await seedProject(h, researcher, [a, b], {
      items: 3,
      judgmentsPerItem: 3,
    });
    await h.db.prisma.item.update({ where: { id: itemIds[2]! }, data: { judgmentsCount: 1 } });
    const first = await takeAssignment(h, a, projectId);
    const held = await h.db.prisma.assignment.findUniqueOrThrow({ where: { id: first.assignment!.id } });
    expect(held.itemId).toBe(itemIds[2]);
    const second = await takeAssignment(h, b, projectId);
    const heldB = await h.db.prisma.assignment.findUniqueOrThrow({ where: { id: second.assignment!.id } });
    expect(heldB.itemId).toBe(itemIds[2]);
  });

  it("never lease more than the judgments still wanted, and free the slot when a lease expires", async () => {
    const researcher = await h.user("RESEARCHER");
    const [a, b, c] = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId } = await seedProject(h, researcher, [a, b, c], { items: 1, judgmentsPerItem: 2 });
    const la = await takeAssignment(h, a, projectId);
    const lb = await takeAssignment(h, b, projectId);
    expect([la.status, lb.status]).toEqual([201, 201]);
    expect((await takeAssignment(h, c, projectId)).status).toBe(204);

    await h.db.pool.query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      la.assignment!.id,
    ]);
    const lc = await takeAssignment(h, c, projectId);
    expect(lc.status).toBe(201);

    // b and c answer: the item is complete. a's late answer is kept, but as surplus.
    expect((await judge(h, b, lb.assignment!.id)).statusCode).toBe(201);
    expect((await judge(h, c, lc.assignment!.id)).statusCode).toBe(201);
    const late = await judge(h, a, la.assignment!.id);
    expect(late.statusCode).toBe(201);
    expect(late.json().judgment.counted).toBe(false);
    const stored = await h.db.prisma.judgment.findUniqueOrThrow({ where: { id: late.json().judgment.id } });
    expect(stored).toMatchObject({ late: true, counted: false });
  });

  it("count a late answer when the item still wants it", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId, itemIds } = await seedProject(h, researcher, [a], { items: 1, judgmentsPerItem: 2 });
    const la = await takeAssignment(h, a, projectId);
    await h.db.pool.query("UPDATE assignments SET expires_at = now() - interval '1 second' WHERE id = $1", [
      la.assignment!.id,
    ]);
    const res = await judge(h, a, la.assignment!.id);
    expect(res.json().judgment.counted).toBe(true);
    const item = await h.db.prisma.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    expect(item.judgmentsCount).toBe(1);
  });

  it("give each item exactly judgmentsPerItem judgments from distinct annotators", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotators = await Promise.all(Array.from({ length: 4 }, () => h.user("ANNOTATOR")));
    const { projectId, itemIds } = await seedProject(h, researcher, annotators, {
      items: 2,
      judgmentsPerItem: 3,
    });
    for (const a of annotators) {
      let { assignment } = await takeAssignment(h, a, projectId);
      while (assignment) assignment = (await judge(h, a, assignment.id)).json().next;
    }
    const rows = await h.db.prisma.judgment.findMany({ where: { itemId: { in: itemIds } } });
    expect(rows).toHaveLength(6);
    for (const itemId of itemIds) {
      const annotatorsOfItem = rows.filter((r) => r.itemId === itemId).map((r) => r.annotatorId);
      expect(new Set(annotatorsOfItem).size).toBe(3);
    }
    const items = await h.db.prisma.item.findMany({ where: { id: { in: itemIds } } });
    expect(items.every((i) => i.status === "COMPLETE" && i.judgmentsCount === 3)).toBe(true);
  });

  it("answer 204 when nothing is left, and 404 for projects the annotator is not allowed in", async () => {
    const researcher = await h.user("RESEARCHER");
    const [a, outsider] = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId } = await seedProject(h, researcher, [a], { items: 1, judgmentsPerItem: 1 });
    const { assignment } = await takeAssignment(h, a, projectId);
    const done = await judge(h, a, assignment!.id);
    expect(done.json().next).toBeNull();
    expect((await takeAssignment(h, a, projectId)).status).toBe(204);
    expect((await takeAssignment(h, outsider, projectId)).status).toBe(404);
    expect((await takeAssignment(h, outsider, randomUUID())).status).toBe(404);
    const mine = await h.app.inject({ method: "GET", url: "/api/v1/me/projects", headers: bearer(outsider) });
    expect(mine.json().projects.map((p: { id: string }) => p.id)).not.toContain(projectId);
    const theirs = await h.app.inject({ method: "GET", url: "/api/v1/me/projects", headers: bearer(a) });
    expect(theirs.json().projects).toEqual([
      expect.objectContaining({ id: projectId, taskType: "pairwise", available: 0, judgedByMe: 1 }),
    ]);
  });
});

describe("judgments", () => {
  it("are idempotent: a retry with the same key returns the same judgment and changes nothing", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId, itemIds } = await seedProject(h, researcher, [a], { items: 3 });
    const { assignment } = await takeAssignment(h, a, projectId);
    const key = randomUUID();
    const first = await judge(h, a, assignment!.id, { choice: "B" }, key);
    const [again, concurrent] = await Promise.all([
      judge(h, a, assignment!.id, { choice: "B" }, key),
      judge(h, a, assignment!.id, { choice: "B" }, key),
    ]);
    expect(first.statusCode).toBe(201);
    for (const res of [again, concurrent]) {
      expect(res.statusCode).toBe(201);
      expect(res.json().judgment.id).toBe(first.json().judgment.id);
    }
    expect(await h.db.prisma.judgment.count({ where: { annotatorId: a.id } })).toBe(1);
    const counts = await h.db.prisma.item.findMany({ where: { id: { in: itemIds } } });
    expect(counts.reduce((s, i) => s + i.judgmentsCount, 0)).toBe(1);
    // The same key on another assignment is refused, and a second answer needs a new key.
    const next = first.json().next;
    expect((await judge(h, a, next.id, { choice: "A" }, key)).statusCode).toBe(409);
    expect((await judge(h, a, assignment!.id, { choice: "A" })).json().error.code).toBe("already_judged");
  });

  it("store the choice resolved to completions through the shown order", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 1 });
    const { assignment } = await takeAssignment(h, a, projectId);
    await backdateAssignment(h.db.pool, assignment!.id, 4200);
    const res = await judge(h, a, assignment!.id, { choice: "B", durationMs: 4200 });
    const stored = await h.db.prisma.judgment.findUniqueOrThrow({ where: { id: res.json().judgment.id } });
    const shown = (await h.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignment!.id } }))
      .shownOrder;
    expect(stored.ranking).toEqual([[shown[1]], [shown[0]]]);
    expect(stored).toMatchObject({ choice: "B", durationMs: 4200, counted: true, late: false });
  });

  it("need an Idempotency-Key", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 1 });
    const { assignment } = await takeAssignment(h, a, projectId);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/v1/assignments/${assignment!.id}/judgment`,
      headers: bearer(a),
      payload: { choice: "A" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("headers.idempotency-key");
  });

  it("follow the project's questions, with a 400 naming the field", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const questions = {
      strength: true,
      allowTie: false,
      allowBothBad: true,
      rationale: "required",
      aspects: [{ key: "accuracy", label: "Accuracy", scale: 5 }],
      flags: ["unsafe"],
    };
    const { projectId } = await seedProject(h, researcher, [a], { items: 1, questions });
    const { assignment } = await takeAssignment(h, a, projectId);
    const cases: [Record<string, unknown>, string][] = [
      [{ choice: "A", rationale: "good" }, "body.strength"],
      [{ choice: "tie", rationale: "same" }, "body.choice"],
      [{ choice: "A", strength: 3 }, "body.rationale"],
      [
        { choice: "A", strength: 3, rationale: "x", aspects: { A: { accuracy: 9 } } },
        "body.aspects.A.accuracy",
      ],
      [{ choice: "A", strength: 3, rationale: "x", aspects: { C: { accuracy: 1 } } }, "body.aspects.C"],
      [{ choice: "A", strength: 3, rationale: "x", flags: ["spam"] }, "body.flags.0"],
      [{ choice: "both_bad", strength: 2, rationale: "x" }, "body.strength"],
      [{ ranking: [["A"], ["B"]], rationale: "x" }, "body.ranking"],
      [{ choice: "A", strength: 7, rationale: "x" }, "body.strength"],
    ];
    for (const [body, path] of cases) {
      const res = await judge(h, a, assignment!.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await h.db.prisma.judgment.count({ where: { annotatorId: a.id } })).toBe(0);
    const ok = await judge(h, a, assignment!.id, {
      choice: "A",
      strength: 3,
      rationale: "More accurate",
      aspects: { A: { accuracy: 5 }, B: { accuracy: 2 } },
      flags: ["unsafe"],
    });
    expect(ok.statusCode).toBe(201);
  });

  it("rank K options with ties, every key exactly once", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], {
      items: 2,
      taskType: "ranking",
      optionsPerItem: 4,
      questions: { allowTie: true },
    });
    const { assignment } = await takeAssignment(h, a, projectId);
    expect(assignment!.options.map((o) => o.key)).toEqual(["A", "B", "C", "D"]);
    const bad: [unknown, string][] = [
      [[["A"], ["B"], ["C"]], "body.ranking"],
      [[["A"], ["A"], ["B", "C", "D"]], "body.ranking.1.0"],
      [[["A"], ["B"], ["C"], ["E"]], "body.ranking.3.0"],
    ];
    for (const [ranking, path] of bad) {
      const res = await judge(h, a, assignment!.id, { ranking });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const ok = await judge(h, a, assignment!.id, { ranking: [["C"], ["A", "B"], ["D"]] });
    expect(ok.statusCode).toBe(201);
    const stored = await h.db.prisma.judgment.findUniqueOrThrow({ where: { id: ok.json().judgment.id } });
    const shown = (await h.db.prisma.assignment.findUniqueOrThrow({ where: { id: assignment!.id } }))
      .shownOrder;
    expect(stored.ranking).toEqual([[shown[2]], [shown[0], shown[1]], [shown[3]]]);
  });

  it("cannot be made, skipped or undone through someone else's assignment", async () => {
    const researcher = await h.user("RESEARCHER");
    const [a, b] = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId } = await seedProject(h, researcher, [a, b], { items: 2 });
    const { assignment } = await takeAssignment(h, a, projectId);
    expect((await judge(h, b, assignment!.id)).statusCode).toBe(404);
    expect((await judge(h, researcher, assignment!.id)).statusCode).toBe(404);
    const skip = await h.app.inject({
      method: "POST",
      url: `/api/v1/assignments/${assignment!.id}/skip`,
      headers: bearer(b),
      payload: {},
    });
    expect(skip.statusCode).toBe(404);
    const mine = await judge(h, a, assignment!.id);
    const undo = await h.app.inject({
      method: "POST",
      url: `/api/v1/judgments/${mine.json().judgment.id}/undo`,
      headers: bearer(b),
    });
    expect(undo.statusCode).toBe(404);
  });
});

describe("skip and undo", () => {
  it("a skipped item is never served to the same annotator again", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 1 });
    const { assignment } = await takeAssignment(h, a, projectId);
    const skip = await h.app.inject({
      method: "POST",
      url: `/api/v1/assignments/${assignment!.id}/skip`,
      headers: bearer(a),
      payload: { reason: "not my language" },
    });
    expect(skip.statusCode).toBe(200);
    expect(skip.json().next).toBeNull();
    expect((await takeAssignment(h, a, projectId)).status).toBe(204);
  });

  it("undo within 60 s supersedes the judgment, reopens the assignment and returns the count", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId, itemIds } = await seedProject(h, researcher, [a], { items: 1, judgmentsPerItem: 1 });
    const { assignment } = await takeAssignment(h, a, projectId);
    const res = await judge(h, a, assignment!.id, { choice: "A" });
    expect((await h.db.prisma.item.findUniqueOrThrow({ where: { id: itemIds[0]! } })).status).toBe(
      "COMPLETE",
    );
    const undo = await h.app.inject({
      method: "POST",
      url: `/api/v1/judgments/${res.json().judgment.id}/undo`,
      headers: bearer(a),
    });
    expect(undo.statusCode).toBe(200);
    expect(undo.json().assignment.id).toBe(assignment!.id);
    expect(undo.json().assignment.options).toEqual(assignment!.options);
    const old = await h.db.prisma.judgment.findUniqueOrThrow({ where: { id: res.json().judgment.id } });
    expect(old.supersededAt).not.toBeNull();
    const item = await h.db.prisma.item.findUniqueOrThrow({ where: { id: itemIds[0]! } });
    expect(item).toMatchObject({ status: "OPEN", judgmentsCount: 0 });
    const again = await judge(h, a, assignment!.id, { choice: "B" });
    expect(again.statusCode).toBe(201);
    expect(again.json().judgment.counted).toBe(true);
    const twice = await h.app.inject({
      method: "POST",
      url: `/api/v1/judgments/${res.json().judgment.id}/undo`,
      headers: bearer(a),
    });
    expect(twice.json().error.code).toBe("already_undone");
  });

  it("undo is refused after 60 s and once other answers completed the item", async () => {
    const researcher = await h.user("RESEARCHER");
    const [a, b] = [await h.user("ANNOTATOR"), await h.user("ANNOTATOR")];
    const { projectId } = await seedProject(h, researcher, [a, b], { items: 2, judgmentsPerItem: 2 });
    const la = await takeAssignment(h, a, projectId);
    const ja = await judge(h, a, la.assignment!.id);
    const lb = await takeAssignment(h, b, projectId);
    const jb = await judge(h, b, lb.assignment!.id);
    // b completed the item a answered first: a can no longer take theirs back.
    const late = await h.app.inject({
      method: "POST",
      url: `/api/v1/judgments/${ja.json().judgment.id}/undo`,
      headers: bearer(a),
    });
    expect(late.json().error.code).toBe("item_closed");
    await h.db.pool.query("UPDATE judgments SET created_at = now() - interval '61 seconds' WHERE id = $1", [
      jb.json().judgment.id,
    ]);
    const old = await h.app.inject({
      method: "POST",
      url: `/api/v1/judgments/${jb.json().judgment.id}/undo`,
      headers: bearer(b),
    });
    expect(old.statusCode).toBe(409);
    expect(old.json().error.code).toBe("undo_window_passed");
  });
});

describe("progress", () => {
  it("counts today's and all answers and the median time per item", async () => {
    const researcher = await h.user("RESEARCHER");
    const a = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [a], { items: 4 });
    let { assignment } = await takeAssignment(h, a, projectId);
    for (const ms of [2000, 4000, 9000]) {
      await backdateAssignment(h.db.pool, assignment!.id, ms);
      assignment = (await judge(h, a, assignment!.id, { choice: "A", durationMs: ms })).json().next;
    }
    const res = await h.app.inject({
      method: "GET",
      url: `/api/v1/me/progress?projectId=${projectId}`,
      headers: bearer(a),
    });
    expect(res.json().progress).toEqual({
      judgedToday: 3,
      total: 3,
      medianSeconds: 4,
      available: 1,
      standing: "ADMITTED",
      crowd: null,
    });
  });
});
