import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, seedProject, takeAssignment } from "./support/annotation";
import {
  bearer,
  browser,
  createHarness,
  type Harness,
  ORIGIN,
  PASSWORD,
  setUserStatus,
  type TestUser,
} from "./support/harness";

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.user("ADMIN");
});
afterAll(async () => h?.close());

async function createPool(name: string) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/v1/pools",
    headers: bearer(admin),
    payload: { name },
  });
  expect(res.statusCode).toBe(201);
  return res.json().pool.id as string;
}

function invite(poolId: string, payload: Record<string, unknown> = {}) {
  return h.app.inject({
    method: "POST",
    url: `/api/v1/pools/${poolId}/invites`,
    headers: browser(admin),
    payload,
  });
}

function signInAs(email: string, password: string) {
  return h.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { origin: ORIGIN, host: "localhost:3000" },
    payload: { email, password },
  });
}

function accept(token: string, email: string, extra: Record<string, string> = {}) {
  return h.app.inject({
    method: "POST",
    url: `/api/v1/invites/${token}/accept`,
    headers: { origin: ORIGIN, host: "localhost:3000", "sec-fetch-site": "same-origin", ...extra },
    payload: { name: "New Person", email, password: "a long enough password" },
  });
}

describe("pools", () => {
  it("are listed, renamed, and show members with their work; removal takes effect at once", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId, poolId } = await seedProject(h, researcher, [annotator], { items: 3 });
    const { assignment } = await takeAssignment(h, annotator, projectId);
    expect((await judge(h, annotator, assignment!.id)).statusCode).toBe(201);
    await takeAssignment(h, annotator, projectId);

    const list = await h.app.inject({ method: "GET", url: "/api/v1/pools", headers: bearer(admin) });
    expect(list.json().pools.map((p: { id: string }) => p.id)).toContain(poolId);

    const renamed = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/pools/${poolId}`,
      headers: bearer(admin),
      payload: { name: "Night shift" },
    });
    expect(renamed.json().pool.name).toBe("Night shift");
    await createPool("Day shift");
    const clash = await h.app.inject({
      method: "PATCH",
      url: `/api/v1/pools/${poolId}`,
      headers: bearer(admin),
      payload: { name: "Day shift" },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details[0].path).toBe("body.name");

    const detail = await h.app.inject({
      method: "GET",
      url: `/api/v1/pools/${poolId}`,
      headers: bearer(admin),
    });
    expect(detail.json().members).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ id: annotator.id }), judgments: 1 }),
    ]);

    const removed = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/pools/${poolId}/members/${annotator.id}`,
      headers: bearer(admin),
    });
    expect(removed.statusCode).toBe(204);
    // Out of the only pool of the project: the project is gone for them, lease included.
    expect((await takeAssignment(h, annotator, projectId)).status).toBe(404);
    const open = await h.db.prisma.assignment.count({
      where: { annotatorId: annotator.id, status: "ACTIVE", expiresAt: { gt: new Date() } },
    });
    expect(open).toBe(0);
    const mine = await h.app.inject({
      method: "GET",
      url: "/api/v1/me/projects",
      headers: bearer(annotator),
    });
    expect(mine.json().projects).toEqual([]);
  });

  it("decide which projects an annotator sees", async () => {
    const researcher = await h.user("RESEARCHER");
    const inside = await h.user("ANNOTATOR");
    const outside = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, researcher, [inside], { items: 1 });
    await seedProject(h, researcher, [outside], { items: 1 });
    const seen = async (u: TestUser) =>
      (await h.app.inject({ method: "GET", url: "/api/v1/me/projects", headers: bearer(u) }))
        .json()
        .projects.map((p: { id: string }) => p.id);
    expect(await seen(inside)).toEqual([projectId]);
    expect(await seen(outside)).not.toContain(projectId);
    expect((await takeAssignment(h, outside, projectId)).status).toBe(404);
  });
});

describe("invitations", () => {
  it("a good link creates the account in the pool, asks for a sign-in, and is spent", async () => {
    const poolId = await createPool("Invited");
    const created = await invite(poolId);
    expect(created.statusCode).toBe(201);
    const { token, url, invite: inv } = created.json();
    expect(url).toBe(`${ORIGIN}/invite/${token}`);
    expect(inv).toMatchObject({ role: "ANNOTATOR", maxUses: 1, uses: 0, state: "active" });
    const stored = await h.db.prisma.invite.findUniqueOrThrow({ where: { id: inv.id } });
    expect(stored.tokenHash).not.toContain(token);

    const peek = await h.app.inject({ method: "GET", url: `/api/v1/invites/${token}` });
    expect(peek.json()).toMatchObject({ pool: { name: "Invited" }, role: "ANNOTATOR", state: "active" });

    const res = await accept(token, "Newcomer@Example.com");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      status: "sign_in_to_finish",
      email: "newcomer@example.com",
      message: "Sign in with this email and your password to finish joining",
    });
    expect(res.headers["set-cookie"]).toBeUndefined();
    const member = await h.db.prisma.poolMember.findFirst({
      where: { poolId, user: { email: "newcomer@example.com", role: "ANNOTATOR" } },
    });
    expect(member).not.toBeNull();
    const login = await signInAs("newcomer@example.com", "a long enough password");
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ email: "newcomer@example.com", role: "ANNOTATOR" });

    const again = await accept(token, "second@example.com");
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe("invite_used");
    const peekAfter = await h.app.inject({ method: "GET", url: `/api/v1/invites/${token}` });
    expect(peekAfter.json().state).toBe("exhausted");
  });

  it("an N-use link admits exactly N people, even all at once", async () => {
    const poolId = await createPool("Three seats");
    const { token } = (await invite(poolId, { maxUses: 3 })).json();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => accept(token, `racer${i}@example.com`)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([202, 202, 202, 410, 410, 410]);
    expect(await h.db.prisma.poolMember.count({ where: { poolId } })).toBe(3);
  });

  it("expired, revoked and unknown links get clear answers and create nothing", async () => {
    const poolId = await createPool("Closed doors");
    const expired = (await invite(poolId)).json();
    await h.db.prisma.invite.update({
      where: { id: expired.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const res = await accept(expired.token, "late@example.com");
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({
      code: "invite_expired",
      message: expect.stringMatching(/expired/),
    });

    const revoked = (await invite(poolId)).json();
    const del = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/invites/${revoked.invite.id}`,
      headers: bearer(admin),
    });
    expect(del.statusCode).toBe(204);
    expect((await accept(revoked.token, "nope@example.com")).json().error.code).toBe("invite_revoked");

    expect((await accept("x".repeat(43), "ghost@example.com")).statusCode).toBe(404);
    expect(
      await h.db.prisma.user.count({ where: { email: { in: ["late@example.com", "nope@example.com"] } } }),
    ).toBe(0);

    const listed = await h.app.inject({
      method: "GET",
      url: `/api/v1/pools/${poolId}/invites`,
      headers: bearer(admin),
    });
    expect(
      listed
        .json()
        .invites.map((i: { state: string }) => i.state)
        .sort(),
    ).toEqual(["expired", "revoked"]);
  });

  it("answers an existing account's email exactly as a new one, changes nothing, and joins it at the owner's sign-in", async () => {
    const poolId = await createPool("Taken");
    const owner = await h.user("RESEARCHER");
    const before = await h.db.prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    const taken = (await invite(poolId, { maxUses: 2 })).json();
    const fresh = (await invite(poolId, { maxUses: 2 })).json();
    const forTaken = await accept(taken.token, owner.email);
    const forNew = await accept(fresh.token, "brand-new@example.com");
    // Same status, same body shape (the email echoed as sent), no cookie either way.
    for (const res of [forTaken, forNew]) {
      expect(res.statusCode).toBe(202);
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect(Object.keys(res.json()).sort()).toEqual(["email", "message", "status"]);
    }
    expect(forTaken.json().message).toBe(forNew.json().message);
    // Both links spent a use, so their state cannot tell the two apart either.
    const uses = await h.db.prisma.invite.findMany({
      where: { id: { in: [taken.invite.id, fresh.invite.id] } },
    });
    expect(uses.map((i) => i.uses)).toEqual([1, 1]);

    // The existing account: not changed, not in the pool, and the invitee's password opens nothing.
    const after = await h.db.prisma.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after).toEqual(before);
    expect(await h.db.prisma.poolMember.count({ where: { poolId, userId: owner.id } })).toBe(0);
    expect((await signInAs(owner.email, "a long enough password")).statusCode).toBe(401);
    expect(await h.db.prisma.poolMember.count({ where: { poolId, userId: owner.id } })).toBe(0);

    // The owner signs in with their own password: now they are in the pool, role unchanged.
    expect((await signInAs(owner.email, PASSWORD)).statusCode).toBe(200);
    expect(await h.db.prisma.poolMember.count({ where: { poolId, userId: owner.id } })).toBe(1);
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("RESEARCHER");
    expect(await h.db.prisma.inviteClaim.count({ where: { userId: owner.id } })).toBe(0);
    const granted = await h.db.prisma.auditEvent.findFirst({
      where: { action: "invite.accept", actorId: owner.id, targetId: poolId },
    });
    expect(granted?.data).toMatchObject({ inviteId: taken.invite.id, afterSignIn: true });
  });

  it("a claim on a withdrawn invitation is not granted at sign-in", async () => {
    const poolId = await createPool("Withdrawn claim");
    const owner = await h.user("ANNOTATOR");
    const { token, invite: inv } = (await invite(poolId)).json();
    expect((await accept(token, owner.email)).statusCode).toBe(202);
    await h.app.inject({ method: "DELETE", url: `/api/v1/invites/${inv.id}`, headers: bearer(admin) });
    expect((await signInAs(owner.email, PASSWORD)).statusCode).toBe(200);
    expect(await h.db.prisma.poolMember.count({ where: { poolId, userId: owner.id } })).toBe(0);
  });

  it("cannot be accepted from another site", async () => {
    const poolId = await createPool("CSRF");
    const { token } = (await invite(poolId)).json();
    const res = await accept(token, "victim@example.com", {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("audit log", () => {
  it("records admin actions and filters them by action, actor and target", async () => {
    const poolId = await createPool("Audited");
    await invite(poolId);
    const res = await h.app.inject({
      method: "GET",
      url: `/api/v1/audit?action=invite.&targetId=${poolId}`,
      headers: bearer(admin),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().events).toEqual([
      expect.objectContaining({ action: "invite.create", actor: expect.objectContaining({ id: admin.id }) }),
    ]);
    const byActor = await h.app.inject({
      method: "GET",
      url: `/api/v1/audit?actorId=${admin.id}&targetType=pool&limit=1`,
      headers: bearer(admin),
    });
    expect(byActor.json().events).toHaveLength(1);
    expect(byActor.json().nextCursor).not.toBeNull();
    const bad = await h.app.inject({
      method: "GET",
      url: "/api/v1/audit?from=yesterday",
      headers: bearer(admin),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain("from");
  });

  it("names the person each event was about: the user targeted, or the API key's owner", async () => {
    const target = await h.user("RESEARCHER");
    const key = await h.db.prisma.apiKey.findFirstOrThrow({ where: { userId: target.id } });
    const keyEvent = await h.app.inject({
      method: "DELETE",
      url: `/api/v1/api-keys/${key.id}`,
      headers: browser(admin),
    });
    expect(keyEvent.statusCode).toBe(204);
    await setUserStatus(h, admin, target.id, "SUSPENDED");
    const person = { id: target.id, name: expect.any(String), email: target.email };
    const suspended = await h.app.inject({
      method: "GET",
      url: `/api/v1/audit?targetId=${target.id}`,
      headers: bearer(admin),
    });
    expect(suspended.json().events).toEqual([
      expect.objectContaining({
        action: "user.suspend",
        targetUser: person,
        actor: expect.objectContaining({ id: admin.id }),
      }),
    ]);
    const revoked = await h.app.inject({
      method: "GET",
      url: `/api/v1/audit?targetId=${key.id}`,
      headers: bearer(admin),
    });
    expect(revoked.json().events).toEqual([
      expect.objectContaining({ action: "api_key.revoke", targetUser: person }),
    ]);
    // A pool is nobody.
    const poolId = await createPool("Nobody's");
    const pool = await h.app.inject({
      method: "GET",
      url: `/api/v1/audit?targetId=${poolId}`,
      headers: bearer(admin),
    });
    expect(pool.json().events[0].targetUser).toBeNull();
  });
});
