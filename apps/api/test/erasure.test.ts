import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import {
  bearer,
  browser,
  createHarness,
  type Harness,
  PASSWORD,
  postLogin,
  type TestUser,
} from "./support/harness";

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.user("ADMIN");
});
afterAll(async () => h?.close());

const erase = (userId: string, payload: Record<string, unknown>, by: TestUser = admin) =>
  h.app.inject({ method: "POST", url: `/api/v1/users/${userId}/erase`, headers: browser(by), payload });

/** An annotator created the way admins create them (so the audit log records their email). */
async function annotatorViaApi(email: string): Promise<TestUser> {
  const created = await h.app.inject({
    method: "POST",
    url: "/api/v1/users",
    headers: browser(admin),
    payload: { email, name: "Dana Example", role: "ANNOTATOR", password: PASSWORD },
  });
  expect(created.statusCode, created.body).toBe(201);
  const login = await postLogin(h, email, PASSWORD);
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  // Annotators sign in with a session; they have no API key.
  return { id: created.json().user.id, email, role: "ANNOTATOR", cookie, token: "" };
}

async function answerAll(user: TestUser, projectId: string, n: number) {
  for (let i = 0; i < n; i++) {
    const lease = await h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectId}/assignments`,
      headers: browser(user),
    });
    expect(lease.statusCode, lease.body).toBe(201);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/v1/assignments/${lease.json().assignment.id}/judgment`,
      headers: { ...browser(user), "idempotency-key": crypto.randomUUID() },
      payload: { choice: "A", rationale: "the first one cites its source" },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe("POST /users/:id/erase", () => {
  it("keeps the answers under the account, removes what identifies the person, and ends every way in", async () => {
    const email = "dana@uni.example";
    const dana = await annotatorViaApi(email);
    const researcher = await h.user("RESEARCHER");
    const { projectId } = await seedProject(h, researcher, [dana], { items: 3, judgmentsPerItem: 2 });
    await answerAll(dana, projectId, 2);

    // What a crowd entry records of its participant: their address.
    await h.db.prisma.auditEvent.create({
      data: {
        actorId: dana.id,
        action: "crowd.join",
        targetType: "project",
        targetId: projectId,
        ip: "203.0.113.7",
      },
    });

    const wrong = await erase(dana.id, { judgments: "keep", confirmEmail: "someone@else.example" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe("body.confirmEmail");
    const unknown = await erase(dana.id, { judgments: "keep", confirmEmail: email, reason: "asked" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual({
      path: "body.reason",
      message: "is not a known field",
    });

    const res = await erase(dana.id, { judgments: "keep", confirmEmail: email });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ judgmentsDeleted: 0, itemsReopened: 0 });
    expect(res.json().user).toMatchObject({
      id: dana.id,
      email: `erased-${dana.id}@erased.invalid`,
      name: "Erased user",
      status: "SUSPENDED",
      erasedAt: expect.any(String),
    });

    // The answers stay, counted, under the same account id (exports show it as a pseudonym).
    expect(await h.db.prisma.judgment.count({ where: { annotatorId: dana.id, counted: true } })).toBe(2);
    // No way back in: the session is gone, the password is gone, nothing is left to sign in with.
    expect(
      (await h.app.inject({ method: "GET", url: "/api/v1/me", headers: browser(dana) })).statusCode,
    ).toBe(401);
    expect((await postLogin(h, email, PASSWORD)).statusCode).toBe(401);
    const row = await h.db.prisma.user.findUniqueOrThrow({ where: { id: dana.id } });
    expect(row.passwordHash).toBeNull();
    expect(await h.db.prisma.session.count({ where: { userId: dana.id } })).toBe(0);
    expect(await h.db.prisma.poolMember.count({ where: { userId: dana.id } })).toBe(0);

    // The audit log keeps what happened without who it was.
    const leaked = await h.db.pool.query(
      "SELECT action FROM audit_events WHERE strpos(data::text, $1) > 0 OR strpos(data::text, $2) > 0",
      [email, "Dana Example"],
    );
    expect(leaked.rows).toEqual([]);
    const own = await h.db.prisma.auditEvent.findMany({ where: { actorId: dana.id } });
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.ip === null)).toBe(true);
    const record = await h.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.erase", targetId: dana.id },
    });
    expect(record.actorId).toBe(admin.id);
    expect(record.data).toEqual({ judgments: "kept", judgmentsDeleted: 0, itemsReopened: 0 });

    // Erased is final.
    const again = await erase(dana.id, {
      judgments: "delete",
      confirmEmail: `erased-${dana.id}@erased.invalid`,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("already_erased");
    const reinstate = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/users/${dana.id}`,
      headers: browser(admin),
      payload: { status: "ACTIVE" },
    });
    expect(reinstate.statusCode).toBe(409);
    expect(reinstate.json().error.code).toBe("erased");
  });

  it("deletes the answers on request and reopens the items they had completed, for others to fill", async () => {
    const researcher = await h.user("RESEARCHER");
    const leaver = await h.user("ANNOTATOR");
    const stayer = await h.user("ANNOTATOR");
    const { projectId, itemIds } = await seedProject(h, researcher, [leaver, stayer], {
      items: 2,
      judgmentsPerItem: 1,
    });
    await answerAll(leaver, projectId, 2);
    expect(await h.db.prisma.item.count({ where: { id: { in: itemIds }, status: "COMPLETE" } })).toBe(2);
    expect((await takeAssignment(h, stayer, projectId)).status).toBe(204);

    const res = await erase(leaver.id, { judgments: "delete", confirmEmail: leaver.email });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ judgmentsDeleted: 2, itemsReopened: 2 });
    expect(await h.db.prisma.judgment.count({ where: { annotatorId: leaver.id } })).toBe(0);
    const items = await h.db.prisma.item.findMany({ where: { id: { in: itemIds } } });
    expect(items.map((i) => [i.status, i.judgmentsCount])).toEqual([
      ["OPEN", 0],
      ["OPEN", 0],
    ]);
    // The other annotator now gets them, and each counts once.
    for (let i = 0; i < 2; i++) {
      const { assignment } = await takeAssignment(h, stayer, projectId);
      expect((await judge(h, stayer, assignment!.id)).statusCode).toBe(201);
    }
    expect(
      await h.db.prisma.item.count({ where: { id: { in: itemIds }, status: "COMPLETE", judgmentsCount: 1 } }),
    ).toBe(2);
    const record = await h.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.erase", targetId: leaver.id },
    });
    expect(record.data).toEqual({ judgments: "deleted", judgmentsDeleted: 2, itemsReopened: 2 });
  });

  it("removes a crowd participant's platform ids", async () => {
    const participant = await h.user("ANNOTATOR");
    await h.db.prisma.externalIdentity.create({
      data: {
        platform: "prolific",
        externalId: "5f1e0c0ffee",
        userId: participant.id,
        studyId: "study-9",
        sessionId: "s-1",
      },
    });
    const res = await erase(participant.id, { judgments: "keep", confirmEmail: participant.email });
    expect(res.statusCode).toBe(200);
    expect(await h.db.prisma.externalIdentity.count({ where: { externalId: "5f1e0c0ffee" } })).toBe(0);
  });

  it("refuses an admin's own account, an unknown one, and anyone but an admin", async () => {
    expect((await erase(admin.id, { judgments: "keep", confirmEmail: admin.email })).json().error.code).toBe(
      "own_access",
    );
    expect(
      (
        await erase("00000000-0000-4000-8000-000000000000", {
          judgments: "keep",
          confirmEmail: "a@b.example",
        })
      ).statusCode,
    ).toBe(404);
    const researcher = await h.user("RESEARCHER");
    const target = await h.user("ANNOTATOR");
    const res = await h.app.inject({
      method: "POST",
      url: `/api/v1/users/${target.id}/erase`,
      headers: bearer(researcher),
      payload: { judgments: "keep", confirmEmail: target.email },
    });
    expect(res.statusCode).toBe(403);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).erasedAt).toBeNull();
  });
});

describe("GET /me/data", () => {
  it("gives a person everything held about them, as a download, without any credential", async () => {
    const researcher = await h.user("RESEARCHER");
    const me = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [me], { items: 2, judgmentsPerItem: 1 });
    await answerAll(me, projectId, 1);
    await h.db.prisma.externalIdentity.create({
      data: { platform: "mturk", externalId: "A1B2C3", userId: me.id },
    });

    const res = await h.app.inject({ method: "GET", url: "/api/v1/me/data", headers: browser(me) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="arbiter-my-data.json"');
    const data = res.json();
    expect(data.account).toMatchObject({ id: me.id, email: me.email });
    expect(data.judgments).toHaveLength(1);
    expect(data.judgments[0]).toMatchObject({
      projectId,
      choice: "A",
      rationale: "the first one cites its source",
    });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.sessions[0]).toHaveProperty("ip");
    expect(data.apiKeys).toEqual([expect.objectContaining({ name: "test" })]);
    expect(data.pools).toHaveLength(1);
    expect(data.externalIdentities).toEqual([
      expect.objectContaining({ platform: "mturk", externalId: "A1B2C3" }),
    ]);
    // Only their own rows, and never a secret: no key hash, no token, no password hash.
    const text = res.body;
    expect(text).not.toContain(me.token);
    expect(text).not.toMatch(/keyHash|passwordHash|tokenHash|\$argon2|\$scrypt/);
    const other = await h.app.inject({ method: "GET", url: "/api/v1/me/data", headers: browser(researcher) });
    expect(other.json().judgments).toEqual([]);
  });
});
