import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, createProject, judge, seedProject, takeAssignment } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

// Setting a project up from the researcher's side: their role in it, what stays editable once
// answers exist, duplicating, and which pools they may attach.

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.user("ADMIN");
});
afterAll(async () => h?.close());

const url = (id: string, rest = "") => `/api/v1/projects/${id}${rest}`;
const get = (user: TestUser, path: string) =>
  h.app.inject({ method: "GET", url: path, headers: bearer(user) });
const send = (user: TestUser, method: "POST" | "PATCH", path: string, payload: object) =>
  h.app.inject({ method, url: path, headers: bearer(user), payload });

async function addMember(owner: TestUser, projectId: string, user: TestUser, role: string) {
  const res = await send(owner, "POST", url(projectId, "/members"), { email: user.email, role });
  expect(res.statusCode, res.body).toBe(201);
}

async function annotatorProjects(user: TestUser): Promise<string[]> {
  return (await get(user, "/api/v1/me/projects")).json().projects.map((p: { id: string }) => p.id);
}

describe("myRole", () => {
  it("tells owners, researchers and viewers apart; admins act as owners", async () => {
    const owner = await h.user("RESEARCHER");
    const member = await h.user("RESEARCHER");
    const viewer = await h.user("RESEARCHER");
    const id = await createProject(h, owner, { name: "Roles" });
    await addMember(owner, id, member, "RESEARCHER");
    await addMember(owner, id, viewer, "VIEWER");
    for (const [user, role] of [
      [owner, "OWNER"],
      [member, "RESEARCHER"],
      [viewer, "VIEWER"],
      [admin, "OWNER"],
    ] as const) {
      expect((await get(user, url(id))).json().project.myRole).toBe(role);
      const listed = (await get(user, "/api/v1/projects?limit=200")).json().projects;
      expect(listed.find((p: { id: string }) => p.id === id).myRole).toBe(role);
    }
    const write = await send(viewer, "PATCH", url(id), { guidelines: "Mine now" });
    expect(write.statusCode).toBe(403);
  });
});

describe("settings that answers depend on", () => {
  it("refuse question, task and K changes once answers exist, naming the field; the rest stays editable", async () => {
    const owner = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId } = await seedProject(h, owner, [annotator], { items: 2 });
    const project = (await get(owner, url(projectId))).json().project;

    // Items but no answers yet: the questions may still change.
    const early = await send(owner, "PATCH", url(projectId), {
      questions: { ...project.questions, rationale: "required" },
    });
    expect(early.statusCode, early.body).toBe(200);
    const asked = early.json().project.questions;

    const { assignment } = await takeAssignment(h, annotator, projectId);
    expect(
      (await judge(h, annotator, assignment!.id, { choice: "A", rationale: "clearer" })).statusCode,
    ).toBe(201);

    for (const [payload, field, after] of [
      [{ questions: { ...asked, allowTie: !asked.allowTie } }, "questions", "answers"],
      [
        { questions: { ...asked, aspects: [{ key: "clarity", label: "Clarity", scale: 5 }] } },
        "questions",
        "answers",
      ],
      [{ taskType: "ranking", optionsPerItem: 3 }, "taskType", "items"],
    ] as const) {
      const refused = await send(owner, "PATCH", url(projectId), payload);
      expect(refused.statusCode, refused.body).toBe(409);
      const { error } = refused.json();
      expect(error.message).toBe(`${field} is fixed once ${after} exist; duplicate the project to change it`);
      expect(error.details[0].path).toBe(`body.${field}`);
    }

    // The same questions sent back (a settings form saves every field) are not a change.
    const edited = await send(owner, "PATCH", url(projectId), {
      questions: asked,
      name: "Renamed",
      guidelines: "# New guidelines",
      judgmentsPerItem: 4,
      leaseSeconds: 900,
      goldRate: 0.1,
      quality: { ...project.quality, fastSeconds: 2 },
      poolIds: [],
      status: "PAUSED",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().project).toMatchObject({
      name: "Renamed",
      guidelines: "# New guidelines",
      judgmentsPerItem: 4,
      leaseSeconds: 900,
      goldRate: 0.1,
      status: "PAUSED",
      poolIds: [],
      questions: asked,
    });
  });

  it("an archived project takes only a status change, and can be restored", async () => {
    const owner = await h.user("RESEARCHER");
    const id = await createProject(h, owner, { name: "Old study" });
    expect((await send(owner, "PATCH", url(id), { status: "ARCHIVED" })).statusCode).toBe(200);
    const refused = await send(owner, "PATCH", url(id), { guidelines: "late edit" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("project_archived");
    const restored = await send(owner, "PATCH", url(id), { status: "ACTIVE" });
    expect(restored.json().project.status).toBe("ACTIVE");
    expect((await send(owner, "PATCH", url(id), { guidelines: "now fine" })).statusCode).toBe(200);
  });
});

describe("duplicating a project", () => {
  it("copies settings, guidelines and attachable pools, not data; the caller owns the copy", async () => {
    const owner = await h.user("RESEARCHER");
    const member = await h.user("RESEARCHER");
    const viewer = await h.user("RESEARCHER");
    const stranger = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const { projectId, poolId: ownersPool } = await seedProject(h, owner, [annotator], {
      items: 2,
      questions: {
        strength: false,
        aspects: [{ key: "clarity", label: "Clarity", scale: 5 }],
        flags: ["pii"],
      },
      judgmentsPerItem: 2,
    });
    // A second pool attached by the admin, which the member may attach too; the owner's pool
    // is one the member was never allowed.
    const shared = await createPool(h, admin, [], [member]);
    const source = (
      await send(admin, "PATCH", url(projectId), { poolIds: [ownersPool, shared], goldRate: 0.2 })
    ).json().project;
    await addMember(owner, projectId, member, "RESEARCHER");
    await addMember(owner, projectId, viewer, "VIEWER");

    expect((await send(stranger, "POST", url(projectId, "/duplicate"), {})).statusCode).toBe(404);
    expect((await send(viewer, "POST", url(projectId, "/duplicate"), {})).statusCode).toBe(403);
    const bad = await send(member, "POST", url(projectId, "/duplicate"), { name: "", items: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/body\.(name|items)/);

    const res = await send(member, "POST", url(projectId, "/duplicate"), { name: "Second round" });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json().project;
    expect(copy.id).not.toBe(projectId);
    expect(copy).toMatchObject({
      name: "Second round",
      guidelines: source.guidelines,
      taskType: source.taskType,
      optionsPerItem: source.optionsPerItem,
      judgmentsPerItem: 2,
      leaseSeconds: source.leaseSeconds,
      questions: source.questions,
      goldRate: 0.2,
      quality: source.quality,
      crowd: source.crowd,
      status: "ACTIVE",
      myRole: "OWNER",
      poolIds: [shared],
      counts: { prompts: 0, items: 0, completeItems: 0, judgments: 0 },
    });
    const members = (await get(member, url(copy.id, "/members"))).json().members;
    expect(members.map((m: { user: { id: string }; role: string }) => [m.user.id, m.role])).toEqual([
      [member.id, "OWNER"],
    ]);
    // The owner of the source is not let into the copy.
    expect((await get(owner, url(copy.id))).statusCode).toBe(404);

    const byAdmin = (await send(admin, "POST", url(projectId, "/duplicate"), {})).json().project;
    expect(byAdmin.name).toBe(`${source.name} (copy)`);
    expect([...byAdmin.poolIds].sort()).toEqual([ownersPool, shared].sort());

    const logged = await h.db.prisma.auditEvent.findFirst({
      where: { action: "project.create", targetId: copy.id },
    });
    expect(logged).toMatchObject({ actorId: member.id, data: { duplicateOf: projectId } });
  });
});

describe("pools from the project's side", () => {
  it("researchers attach only pools they were allowed; anyone who edits may detach", async () => {
    const researcher = await h.user("RESEARCHER");
    const allowed = await createPool(h, admin, [], [researcher]);
    const forbidden = await createPool(h, admin, []);
    const id = await createProject(h, researcher, { name: "Pools", poolIds: [allowed] });

    const refused = await send(researcher, "PATCH", url(id), { poolIds: [allowed, forbidden] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe("body.poolIds.1");
    const unknown = await send(researcher, "PATCH", url(id), { poolIds: [randomUUID()] });
    expect(unknown.json().error.details[0].path).toBe("body.poolIds.0");

    // The admin attaches the pool the researcher may not; the researcher keeps it through an
    // edit of the rest and may detach it.
    expect((await send(admin, "PATCH", url(id), { poolIds: [allowed, forbidden] })).statusCode).toBe(200);
    const kept = await send(researcher, "PATCH", url(id), { poolIds: [forbidden, allowed, allowed] });
    expect(kept.statusCode, kept.body).toBe(200);
    expect([...kept.json().project.poolIds].sort()).toEqual([allowed, forbidden].sort());
    const names = kept.json().project.pools.map((p: { id: string }) => p.id);
    expect(names.sort()).toEqual([allowed, forbidden].sort());
    const detached = await send(researcher, "PATCH", url(id), { poolIds: [allowed] });
    expect(detached.json().project.poolIds).toEqual([allowed]);
    // Gone once detached: re-attaching it needs the admin again.
    expect((await send(researcher, "PATCH", url(id), { poolIds: [allowed, forbidden] })).statusCode).toBe(
      400,
    );

    const detail = (await get(admin, `/api/v1/pools/${allowed}`)).json();
    expect(detail.projects).toEqual([{ id, name: "Pools", status: "ACTIVE" }]);
    expect((await get(admin, `/api/v1/pools/${forbidden}`)).json().projects).toEqual([]);
  });

  it("an annotator sees a project the moment its pool is attached, and not once it is detached", async () => {
    const researcher = await h.user("RESEARCHER");
    const annotator = await h.user("ANNOTATOR");
    const pool = await createPool(h, admin, [annotator], [researcher]);
    const id = await createProject(h, researcher, { name: "Opens later" });
    expect(await annotatorProjects(annotator)).not.toContain(id);

    expect((await send(researcher, "PATCH", url(id), { poolIds: [pool] })).statusCode).toBe(200);
    expect(await annotatorProjects(annotator)).toContain(id);

    expect((await send(researcher, "PATCH", url(id), { status: "PAUSED" })).statusCode).toBe(200);
    expect(await annotatorProjects(annotator)).not.toContain(id);
    expect((await send(researcher, "PATCH", url(id), { status: "ACTIVE", poolIds: [] })).statusCode).toBe(
      200,
    );
    expect(await annotatorProjects(annotator)).not.toContain(id);
  });
});
