import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProject } from "./support/annotation";
import { bearer, createHarness, type Harness, ORIGIN } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

const SAME_SITE = { origin: ORIGIN, host: "localhost:3000", "sec-fetch-site": "same-origin" };

async function openStudy(quota: number) {
  const researcher = await h.user("RESEARCHER");
  const { projectId } = await seedProject(h, researcher, [], { items: 6, judgmentsPerItem: 1 });
  const res = await h.app.inject({
    method: "PATCH",
    url: `/api/v1/projects/${projectId}`,
    headers: bearer(researcher),
    payload: {
      crowd: {
        enabled: true,
        quota,
        completionCode: "C1A2B3",
        redirectUrl: "https://app.prolific.com/submissions/complete?cc=C1A2B3",
      },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { projectId, slug: res.json().project.slug as string };
}

function join(slug: string, participantId: string) {
  return h.app.inject({
    method: "POST",
    url: `/api/v1/join/${slug}`,
    headers: SAME_SITE,
    payload: { platform: "prolific", participantId, studyId: "study-1", sessionId: "sess-1" },
  });
}

async function work(cookie: string, projectId: string) {
  const headers = { cookie, ...SAME_SITE };
  const lease = await h.app.inject({
    method: "POST",
    url: `/api/v1/projects/${projectId}/assignments`,
    headers,
  });
  if (lease.statusCode === 204) return null;
  const res = await h.app.inject({
    method: "POST",
    url: `/api/v1/assignments/${lease.json().assignment.id}/judgment`,
    headers: { ...headers, "idempotency-key": crypto.randomUUID() },
    payload: { choice: "B" },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe("crowd-platform entry", () => {
  it("creates a pseudonymous participant, resumes them, and shows the completion code at the quota", async () => {
    const { projectId, slug } = await openStudy(2);
    const first = await join(slug, "5f1a2b3c4d5e6f7a8b9c0d1e");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().crowd).toEqual({ quota: 2, judged: 0, completionCode: null, redirectUrl: null });
    const cookie = String(first.headers["set-cookie"]).split(";")[0]!;

    const identity = await h.db.prisma.externalIdentity.findFirstOrThrow({ include: { user: true } });
    expect(identity).toMatchObject({ platform: "prolific", studyId: "study-1" });
    expect(identity.user.email).not.toContain("5f1a2b3c");
    expect(identity.user.passwordHash).toBeNull();

    expect((await work(cookie, projectId)).next).not.toBeNull();
    // The second answer meets the quota: no next item is leased for them.
    expect((await work(cookie, projectId)).next).toBeNull();
    expect(await work(cookie, projectId)).toBeNull();

    const progress = await h.app.inject({
      method: "GET",
      url: `/api/v1/me/progress?projectId=${projectId}`,
      headers: { cookie },
    });
    expect(progress.json().progress.crowd).toEqual({
      quota: 2,
      judged: 2,
      completionCode: "C1A2B3",
      redirectUrl: "https://app.prolific.com/submissions/complete?cc=C1A2B3",
    });

    const again = await join(slug, "5f1a2b3c4d5e6f7a8b9c0d1e");
    expect(again.json().crowd.completionCode).toBe("C1A2B3");
    expect(await h.db.prisma.externalIdentity.count()).toBe(1);
    const open = await h.db.prisma.assignment.count({
      where: { projectId, status: "ACTIVE", expiresAt: { gt: new Date() } },
    });
    expect(open).toBe(0);
  });

  it("refuses closed studies, unknown slugs and malformed participant ids", async () => {
    const researcher = await h.user("RESEARCHER");
    const { projectId } = await seedProject(h, researcher, [], { items: 1 });
    const project = await h.db.prisma.project.findUniqueOrThrow({ where: { id: projectId } });
    expect((await join(project.slug, "abc")).statusCode).toBe(404);
    expect((await join("no-such-study", "abc")).statusCode).toBe(404);
    const { slug } = await openStudy(1);
    const bad = await join(slug, "<script>");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("body.participantId");
  });
});
