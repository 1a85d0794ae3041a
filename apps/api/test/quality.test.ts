import type { TAssignment } from "@arbiter/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, takeAssignment } from "./support/annotation";
import { bearer, browser, createHarness, type Harness } from "./support/harness";
import { betterKey, isGoldText, seedQualityProject, standing } from "./support/quality";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

function worse(a: TAssignment) {
  return betterKey(a) === "A" ? "B" : "A";
}

/** Takes and answers assignments until the annotator gets 204; returns what was shown. */
async function answerAll(
  user: Awaited<ReturnType<Harness["user"]>>,
  projectId: string,
  choose: (a: TAssignment) => string,
) {
  const shown: TAssignment[] = [];
  for (;;) {
    const { status, assignment } = await takeAssignment(h, user, projectId);
    if (status === 204) return shown;
    expect(status).toBe(201);
    shown.push(assignment!);
    const res = await judge(h, user, assignment!.id, { choice: choose(assignment!) });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe("gold items", () => {
  it("are mixed into the stream, look like any other item and never fill an item's overlap", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedQualityProject(h, researcher, [annotator], {
      regular: 4,
      gold: 4,
      goldRate: 0.9,
      judgmentsPerItem: 1,
    });
    const shown = await answerAll(annotator, projectId, betterKey);
    const gold = shown.filter((a) => isGoldText(a, 4));
    expect(shown.length - gold.length).toBe(4);
    expect(gold.length).toBeGreaterThan(0);
    const keysOf = (a: TAssignment) => JSON.stringify(Object.keys(a).sort());
    expect(new Set(shown.map(keysOf)).size).toBe(1);
    expect(JSON.stringify(gold)).not.toMatch(/gold/i);
    // With the real work done, unseen gold is not handed out: "nothing left" every time.
    for (let i = 0; i < 5; i++) expect((await takeAssignment(h, annotator, projectId)).status).toBe(204);

    const items = await h.db.prisma.item.findMany({
      where: { projectId },
      select: { status: true, isGold: true },
    });
    expect(items.filter((i) => !i.isGold).every((i) => i.status === "COMPLETE")).toBe(true);
    expect(items.filter((i) => i.isGold).every((i) => i.status === "OPEN")).toBe(true);

    const quality = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/quality`,
      headers: bearer(researcher),
    });
    expect(quality.statusCode).toBe(200);
    const [row] = quality.json().annotators;
    expect(row).toMatchObject({
      goldAnswered: gold.length,
      goldAccuracy: 1,
      judgments: shown.length,
      status: "ADMITTED",
    });
  });
});

describe("qualification", () => {
  it("serves gold first, admits those who pass and politely turns away those who fail", async () => {
    const researcher = await h.user("RESEARCHER");
    const good = await h.user("ANNOTATOR");
    const bad = await h.user("ANNOTATOR");
    const { projectId } = await seedQualityProject(h, researcher, [good, bad], {
      regular: 6,
      gold: 6,
      goldRate: 0,
      quality: { qualificationItems: 3, qualificationMinAccuracy: 0.66 },
    });

    for (let i = 0; i < 3; i++) {
      const { assignment } = await takeAssignment(h, bad, projectId);
      expect(isGoldText(assignment!, 6)).toBe(true);
      expect(await standing(h, bad, projectId)).toBe("QUALIFYING");
      const res = await judge(h, bad, assignment!.id, { choice: worse(assignment!) });
      expect(res.statusCode).toBe(201);
      if (i === 2) expect(res.json().next).toBeNull();
    }
    expect(await standing(h, bad, projectId)).toBe("REJECTED");
    expect((await takeAssignment(h, bad, projectId)).status).toBe(204);
    const mine = await h.app.inject({ method: "GET", url: "/api/v1/me/projects", headers: bearer(bad) });
    expect(mine.json().projects[0]).toMatchObject({ id: projectId, standing: "REJECTED" });

    const shown = await answerAll(good, projectId, betterKey);
    expect(shown.slice(0, 3).every((a) => isGoldText(a, 6))).toBe(true);
    expect(shown.filter((a) => !isGoldText(a, 6))).toHaveLength(6);
    expect(await standing(h, good, projectId)).toBe("ADMITTED");
  });
});

describe("automatic quarantine", () => {
  it("quarantines an annotator who always picks the first-shown option, releases their lease and logs why", async () => {
    const researcher = await h.user("RESEARCHER");
    const lazy = await h.user("ANNOTATOR");
    const { projectId, admin } = await seedQualityProject(h, researcher, [lazy], {
      regular: 40,
      gold: 0,
      goldRate: 0,
      judgmentsPerItem: 1,
    });
    const shown = await answerAll(lazy, projectId, () => "A");
    expect(shown).toHaveLength(30);
    expect(await standing(h, lazy, projectId)).toBe("QUARANTINED");
    const open = await h.db.prisma.assignment.count({
      where: { projectId, annotatorId: lazy.id, status: "ACTIVE", expiresAt: { gt: new Date() } },
    });
    expect(open).toBe(0);

    const quality = await h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectId}/quality`,
      headers: bearer(researcher),
    });
    const [row] = quality.json().annotators;
    expect(row.status).toBe("QUARANTINED");
    expect(row.reason).toMatch(/first-shown option 30\/30/);
    expect(row.flags.map((f: { kind: string }) => f.kind)).toContain("position_bias");
    const logged = await h.db.prisma.auditEvent.findFirst({
      where: { action: "annotator.quarantined", targetId: lazy.id },
    });
    expect(logged?.data).toMatchObject({ projectId });

    const cleared = await h.app.inject({
      method: "PUT",
      url: `/api/v1/projects/${projectId}/annotators/${lazy.id}/status`,
      headers: browser(admin),
      payload: { status: "ADMITTED", reason: "talked to them" },
    });
    expect(cleared.statusCode).toBe(204);
    expect((await takeAssignment(h, lazy, projectId)).status).toBe(201);
    const byAdmin = await h.db.prisma.auditEvent.findFirst({
      where: { action: "annotator.admitted", targetId: lazy.id, actorId: admin.id },
    });
    expect(byAdmin?.data).toMatchObject({ reason: "talked to them" });
  });

  it("quarantines an annotator whose gold answers look like guessing, and not one who answers well", async () => {
    const researcher = await h.user("RESEARCHER");
    const guesser = await h.user("ANNOTATOR");
    const careful = await h.user("ANNOTATOR");
    const { projectId } = await seedQualityProject(h, researcher, [guesser, careful], {
      regular: 20,
      gold: 20,
      goldRate: 1,
      quality: { minGoldAnswers: 5, quarantineOdds: 1000 },
    });
    // Wrong on every gold answer: each one multiplies the odds for chance by 0.5 / 0.15.
    const shown = await answerAll(guesser, projectId, worse);
    expect(shown).toHaveLength(6);
    expect(await standing(h, guesser, projectId)).toBe("QUARANTINED");

    await answerAll(careful, projectId, betterKey);
    expect(await standing(h, careful, projectId)).toBe("ADMITTED");
  });

  it("does not let a researcher change an annotator's status", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedQualityProject(h, researcher, [annotator], {
      regular: 1,
      gold: 0,
      goldRate: 0,
    });
    const res = await h.app.inject({
      method: "PUT",
      url: `/api/v1/projects/${projectId}/annotators/${annotator.id}/status`,
      headers: bearer(researcher),
      payload: { status: "QUARANTINED" },
    });
    expect(res.statusCode).toBe(403);
  });
});
