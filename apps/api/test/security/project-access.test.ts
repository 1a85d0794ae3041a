import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS } from "../support/access-rules";
import { judge, seedProject, takeAssignment } from "../support/annotation";
import { bearer, browser, type TestUser } from "../support/harness";
import { createWorld, type Route, routesFromOpenApi, type World } from "./support/world";

// Projects belong to people: a researcher reaches only the projects they are a member of,
// with what their member role allows; admins reach every project.

let w: World;
/** Owns project B; `w.researcher` owns the world's projects and is a stranger to B. */
let ownerB: TestUser;
let researcherB: TestUser;
let viewerB: TestUser;
let annotatorB: TestUser;
let projectB: string;
let poolB: string;
let generatorB: string;
let exportB: string;

beforeAll(async () => {
  w = await createWorld();
  ownerB = await w.h.user("RESEARCHER");
  researcherB = await w.h.user("RESEARCHER");
  viewerB = await w.h.user("RESEARCHER");
  annotatorB = await w.h.user("ANNOTATOR");
  const seeded = await seedProject(w.h, ownerB, [annotatorB], { items: 2, judgmentsPerItem: 1 });
  projectB = seeded.projectId;
  poolB = seeded.poolId;
  for (const [u, role] of [
    [researcherB, "RESEARCHER"],
    [viewerB, "VIEWER"],
  ] as const) {
    const added = await post(ownerB, `/api/v1/projects/${projectB}/members`, { email: u.email, role });
    expect(added.statusCode, added.body).toBe(201);
  }
  const generator = await post(ownerB, `/api/v1/projects/${projectB}/generators`, {
    name: "gpu",
    baseUrl: "http://10.0.0.7:8000/v1",
    model: "m",
  });
  expect(generator.statusCode, generator.body).toBe(201);
  generatorB = generator.json().generator.id;
  const { rows } = await w.h.db.pool.query(
    `INSERT INTO exports (project_id, format, params, created_by_id) VALUES ($1, 'trl', '{}', $2) RETURNING id`,
    [projectB, ownerB.id],
  );
  exportB = rows[0].id;
});
afterAll(async () => w?.close());

function post(user: TestUser, url: string, payload: object) {
  return w.h.app.inject({ method: "POST", url, headers: bearer(user), payload });
}

/** Routes that act on one project (by its id, or by an export of it). */
function projectRoutes(): Route[] {
  return routesFromOpenApi(w.h).filter((r) => /^\/api\/v1\/(projects\/\{id\}|exports\/\{id\})/.test(r.path));
}

/** The route's URL in project B, with B's real objects where it has them. */
function urlInB(route: Route, projectId = projectB): string {
  const id = route.path.startsWith("/api/v1/exports/") ? exportB : projectId;
  return route.path
    .replace("{id}", id)
    .replace("{gid}", generatorB)
    .replace("{userId}", annotatorB.id)
    .replace("{name}", "train.jsonl")
    .replace(/\{[^}]+\}/g, () => randomUUID());
}

function call(route: Route, url: string, headers: Record<string, string>) {
  return w.h.app.inject({
    method: route.method as "GET",
    url,
    headers: {
      ...headers,
      ...(route.headers.includes("idempotency-key") ? { "idempotency-key": randomUUID() } : {}),
    },
    ...(route.body ? { payload: {} } : {}),
  });
}

describe("a researcher of another project", () => {
  it("gets 404 on every route of project B, the same answer as for a project that does not exist", async () => {
    const routes = projectRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const failures: string[] = [];
    for (const route of routes) {
      // Routes no researcher may call (admin only) answer 403 before any project is looked at.
      const want = ACCESS[route.key]?.includes("RESEARCHER") ? 404 : 403;
      for (const headers of [bearer(w.researcher), browser(w.researcher)]) {
        const theirs = await call(route, urlInB(route), headers);
        const missing = await call(route, urlInB(route, randomUUID()), headers);
        if (theirs.statusCode !== want) failures.push(`${route.key}: ${theirs.statusCode} ${theirs.body}`);
        else if (!route.path.startsWith("/api/v1/exports/") && theirs.body !== missing.body)
          failures.push(`${route.key}: ${theirs.body} differs from ${missing.body}`);
      }
    }
    expect(failures).toEqual([]);
    // Nothing in B changed.
    const { rows } = await w.h.db.pool.query(
      "SELECT (SELECT count(*)::int FROM generators WHERE project_id = $1 AND deleted_at IS NULL) AS generators, (SELECT count(*)::int FROM project_members WHERE project_id = $1) AS members",
      [projectB],
    );
    expect(rows[0]).toEqual({ generators: 1, members: 3 });
  });

  it("does not see project B in the project list, while an admin sees both", async () => {
    const ids = async (u: TestUser) =>
      (await w.h.app.inject({ method: "GET", url: "/api/v1/projects?limit=100", headers: bearer(u) }))
        .json()
        .projects.map((p: { id: string }) => p.id);
    expect(await ids(w.researcher)).not.toContain(projectB);
    expect(await ids(w.researcher)).toContain(w.projectId);
    expect(await ids(ownerB)).toEqual([projectB]);
    expect(await ids(viewerB)).toEqual([projectB]);
    expect(await ids(w.admin)).toEqual(expect.arrayContaining([projectB, w.projectId]));
  });
});

describe("members of project B", () => {
  it("a viewer reads and exports but changes nothing: 403 on every other write", async () => {
    const failures: string[] = [];
    for (const route of projectRoutes()) {
      const res = await call(route, urlInB(route), bearer(viewerB));
      const read = route.method === "GET" || route.path.includes("/exports");
      const annotate = route.path.endsWith("/assignments") || route.path.endsWith("/battles");
      if (annotate) {
        // Members may try the project's tasks; B is not an arena project, so a battle is
        // refused for that, not for the viewer's role.
        const notArena = route.path.endsWith("/battles") && res.json()?.error?.code === "not_arena";
        if (res.statusCode >= 400 && !notArena) failures.push(`${route.key}: ${res.statusCode} ${res.body}`);
      } else if (read) {
        if ([401, 403].includes(res.statusCode) || res.json()?.error?.message === "Project not found")
          failures.push(`${route.key}: ${res.statusCode} ${res.body}`);
      } else if (res.statusCode !== 403) failures.push(`${route.key}: ${res.statusCode}, want 403`);
    }
    expect(failures).toEqual([]);
  });

  it("a researcher member changes the project but not its members; the owner does", async () => {
    const patched = await w.h.app.inject({
      method: "PATCH",
      url: `/api/v1/projects/${projectB}`,
      headers: bearer(researcherB),
      payload: { name: "Renamed by a member" },
    });
    expect(patched.statusCode).toBe(200);
    const refused = await post(researcherB, `/api/v1/projects/${projectB}/members`, {
      email: w.researcher.email,
      role: "VIEWER",
    });
    expect(refused.statusCode).toBe(403);
    const list = await w.h.app.inject({
      method: "GET",
      url: `/api/v1/projects/${projectB}/members`,
      headers: bearer(researcherB),
    });
    expect(list.json().members.map((m: { role: string }) => m.role)).toEqual([
      "OWNER",
      "RESEARCHER",
      "VIEWER",
    ]);
  });

  it("the last owner can neither leave nor step down; with a second owner they can", async () => {
    const url = `/api/v1/projects/${projectB}/members/${ownerB.id}`;
    const leave = await w.h.app.inject({ method: "DELETE", url, headers: bearer(ownerB) });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error.code).toBe("last_owner");
    const demote = await w.h.app.inject({
      method: "PATCH",
      url,
      headers: bearer(ownerB),
      payload: { role: "VIEWER" },
    });
    expect(demote.statusCode).toBe(409);
    const promote = await w.h.app.inject({
      method: "PATCH",
      url: `/api/v1/projects/${projectB}/members/${researcherB.id}`,
      headers: bearer(ownerB),
      payload: { role: "OWNER" },
    });
    expect(promote.json().member.role).toBe("OWNER");
    const stepDown = await w.h.app.inject({
      method: "PATCH",
      url,
      headers: bearer(ownerB),
      payload: { role: "RESEARCHER" },
    });
    expect(stepDown.json().member.role).toBe("RESEARCHER");
  });

  it("a member may try the project's tasks, and a stranger researcher may not", async () => {
    const { assignment } = await takeAssignment(w.h, researcherB, projectB);
    expect(assignment).not.toBeNull();
    const res = await judge(w.h, researcherB, assignment!.id, { choice: "A" }, randomUUID());
    expect(res.statusCode, res.body).toBe(201);
    const stranger = await w.h.app.inject({
      method: "POST",
      url: `/api/v1/projects/${projectB}/assignments`,
      headers: bearer(w.researcher),
    });
    expect(stranger.statusCode).toBe(404);
  });

  it("only staff can be added: an annotator's or an unknown email is a 404 naming the field", async () => {
    for (const email of [annotatorB.email, "nobody@example.org"]) {
      const res = await post(researcherB, `/api/v1/projects/${projectB}/members`, { email, role: "VIEWER" });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.details[0].path).toBe("body.email");
    }
  });
});

describe("pools are attached by admins, or by researchers the pool's admin allowed", () => {
  it("a researcher cannot attach a pool they were not allowed, and can once allowed", async () => {
    const refused = await post(w.researcher, "/api/v1/projects", { name: "Takeover", poolIds: [poolB] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe("body.poolIds.0");
    const pools = await w.h.app.inject({
      method: "GET",
      url: "/api/v1/pools",
      headers: bearer(w.researcher),
    });
    expect(pools.json().pools.map((p: { id: string }) => p.id)).not.toContain(poolB);

    const allow = await w.h.app.inject({
      method: "PUT",
      url: `/api/v1/pools/${poolB}/attachers`,
      headers: bearer(w.admin),
      payload: { userIds: [ownerB.id, w.researcher.id] },
    });
    expect(allow.json().pool.attacherIds).toEqual(expect.arrayContaining([ownerB.id, w.researcher.id]));
    const listed = await w.h.app.inject({
      method: "GET",
      url: "/api/v1/pools",
      headers: bearer(w.researcher),
    });
    expect(listed.json().pools.map((p: { id: string }) => p.id)).toContain(poolB);
    const created = await post(w.researcher, "/api/v1/projects", { name: "Shared pool", poolIds: [poolB] });
    expect(created.statusCode).toBe(201);
  });

  it("an admin may only allow researchers", async () => {
    const res = await w.h.app.inject({
      method: "PUT",
      url: `/api/v1/pools/${poolB}/attachers`,
      headers: bearer(w.admin),
      payload: { userIds: [annotatorB.id] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("body.userIds.0");
  });
});

describe("researchers know annotators by name and pseudonym", () => {
  it("the quality page shows emails to admins only", async () => {
    const url = `/api/v1/projects/${w.projectId}/quality`;
    const asResearcher = await w.h.app.inject({ method: "GET", url, headers: bearer(w.researcher) });
    const asAdmin = await w.h.app.inject({ method: "GET", url, headers: bearer(w.admin) });
    const mine = (res: typeof asAdmin) =>
      res.json().annotators.find((a: { user: { id: string } }) => a.user.id === w.annotator.id).user;
    expect(mine(asResearcher).email).toBeNull();
    expect(asResearcher.body).not.toContain(w.annotator.email);
    expect(mine(asResearcher).pseudonym).toMatch(/^a_[0-9a-f]{16}$/);
    expect(mine(asAdmin)).toEqual({ ...mine(asResearcher), email: w.annotator.email });
  });
});
