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

function join(
  slug: string,
  participantId: string,
  { sessionId = "sess-1", cookie }: { sessionId?: string | null; cookie?: string } = {},
) {
  return h.app.inject({
    method: "POST",
    url: `/api/v1/join/${slug}`,
    headers: { ...SAME_SITE, ...(cookie ? { cookie } : {}) },
    payload: {
      platform: "prolific",
      participantId,
      studyId: "study-1",
      ...(sessionId === null ? {} : { sessionId }),
    },
  });
}

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers["set-cookie"]).split(";")[0]!;

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

  it("a known participant id with another platform session starts nothing: no session, no account, an audit entry", async () => {
    const { projectId, slug } = await openStudy(3);
    const pid = "6a7b8c9d0e1f2a3b4c5d6e7f";
    const first = await join(slug, pid, { sessionId: "prolific-session-aaaa" });
    expect(first.statusCode, first.body).toBe(200);
    const theirs = cookieOf(first);
    const users = await h.db.prisma.user.count();
    const sessions = await h.db.prisma.session.count();

    for (const attempt of [{ sessionId: "prolific-session-bbbb" }, { sessionId: null }]) {
      const replay = await join(slug, pid, attempt);
      expect(replay.statusCode, replay.body).toBe(403);
      expect(replay.json().error).toMatchObject({
        code: "crowd_session_mismatch",
        message: expect.stringMatching(/another study session/),
      });
      expect(replay.headers["set-cookie"]).toBeUndefined();
    }
    // Nor does a browser signed in as somebody else count as the participant's.
    const stranger = await h.user("ANNOTATOR");
    const disguised = await join(slug, pid, { sessionId: "prolific-session-cccc", cookie: stranger.cookie });
    expect(disguised.statusCode).toBe(403);
    expect(await h.db.prisma.user.count()).toBe(users + 1);
    expect(await h.db.prisma.session.count()).toBe(sessions + 1);

    const refused = await h.db.prisma.auditEvent.findMany({
      where: { action: "crowd.join_refused", targetId: projectId },
    });
    expect(refused).toHaveLength(3);
    expect(refused[0]!.ip).toBe("127.0.0.1");
    const logged = JSON.stringify(refused.map((e) => e.data));
    expect(logged).not.toContain(pid);
    expect(logged).not.toContain("prolific-session-bbbb");
    expect((refused[0]!.data as { participant: string }).participant).toMatch(/^[0-9a-f]{20}$/);

    // The participant themselves: the same platform session resumes them anywhere...
    const again = await join(slug, pid, { sessionId: "prolific-session-aaaa" });
    expect(again.statusCode).toBe(200);
    const me = await h.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: cookieOf(again) } });
    const identity = await h.db.prisma.externalIdentity.findFirstOrThrow({ where: { externalId: pid } });
    expect(me.json().user.id).toBe(identity.userId);
    // ...and their browser's session resumes them with a new platform session (a later
    // study), in place: no new cookie, and that session is the one a later return must show.
    const later = await join(slug, pid, { sessionId: "prolific-session-dddd", cookie: theirs });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.headers["set-cookie"]).toBeUndefined();
    expect(
      (await h.db.prisma.externalIdentity.findFirstOrThrow({ where: { externalId: pid } })).sessionId,
    ).toBe("prolific-session-dddd");
    expect((await join(slug, pid, { sessionId: "prolific-session-dddd" })).statusCode).toBe(200);
    expect(await h.db.prisma.user.count()).toBe(users + 1);
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
