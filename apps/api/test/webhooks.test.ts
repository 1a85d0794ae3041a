import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "./support/annotation";
import { bearer, createHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let admin: TestUser;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let projectId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.user("ADMIN");
  owner = await h.user("RESEARCHER");
  viewer = await h.user("RESEARCHER");
  outsider = await h.user("RESEARCHER");
  projectId = await createProject(h, owner, { name: "Hooks" });
  const res = await send(owner, "POST", `/api/v1/projects/${projectId}/members`, {
    email: viewer.email,
    role: "VIEWER",
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => h?.close());

function send(user: TestUser, method: string, url: string, payload?: unknown) {
  return h.app.inject({ method: method as "POST", url, headers: bearer(user), payload: payload as object });
}
const hooks = (rest = "") => `/api/v1/projects/${projectId}/webhooks${rest}`;
const valid = {
  url: "https://pipeline.example.com/arbiter",
  events: ["export.succeeded", "judgment.created"],
};

describe("project webhooks", () => {
  it("shows the secret once, at creation, in the Standard Webhooks form", async () => {
    const created = await send(owner, "POST", hooks(), { ...valid, description: "nightly retrain" });
    expect(created.statusCode, created.body).toBe(201);
    const { webhook, secret } = created.json();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(webhook).toMatchObject({
      projectId,
      url: valid.url,
      description: "nightly retrain",
      active: true,
    });

    for (const res of [
      await send(owner, "GET", hooks()),
      await send(owner, "GET", hooks(`/${webhook.id}`)),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain("whsec_");
    }
    const stored = await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(Buffer.from(stored.secretCiphertext).toString("latin1")).not.toContain(secret.slice(6));
    const audit = await h.db.prisma.auditEvent.findMany({ where: { targetId: webhook.id } });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("rotation gives a new secret once and keeps the old one signing for a grace window", async () => {
    const { webhook, secret } = (await send(owner, "POST", hooks(), valid)).json();
    const before = await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    const rotated = await send(owner, "POST", hooks(`/${webhook.id}/rotate-secret`));
    expect(rotated.statusCode, rotated.body).toBe(200);
    const body = rotated.json();
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.secret).not.toBe(secret);
    expect(Date.parse(body.webhook.previousSecretExpiresAt)).toBeGreaterThan(Date.now());
    const after = await h.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(Buffer.from(after.previousSecretCiphertext!)).toEqual(Buffer.from(before.secretCiphertext));
    expect(Buffer.from(after.secretCiphertext)).not.toEqual(Buffer.from(before.secretCiphertext));
  });

  it("bodies are strict and name the failing field", async () => {
    const unknown = await send(owner, "POST", hooks(), { ...valid, secret: "mine" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("secret");
    const badEvent = await send(owner, "POST", hooks(), { ...valid, events: ["export.done"] });
    expect(badEvent.statusCode).toBe(400);
    expect(badEvent.body).toContain("events");
    const noEvents = await send(owner, "POST", hooks(), { ...valid, events: [] });
    expect(noEvents.statusCode).toBe(400);
    const badUrl = await send(owner, "POST", hooks(), { ...valid, url: "ftp://example.com" });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.body).toContain("url");
    const creds = await send(owner, "POST", hooks(), { ...valid, url: "https://u:p@example.com/" });
    expect(creds.statusCode).toBe(400);
    // The generators' egress rule: loopback is refused unless the operator allows the host.
    const loopback = await send(owner, "POST", hooks(), { ...valid, url: "http://127.0.0.1:9/hook" });
    expect(loopback.statusCode).toBe(400);
    expect(loopback.json().error.message).toContain("url");
    const { webhook } = (await send(owner, "POST", hooks(), valid)).json();
    const patch = await send(owner, "PATCH", hooks(`/${webhook.id}`), { enabled: false });
    expect(patch.statusCode).toBe(400);
    expect(patch.body).toContain("enabled");
  });

  it("viewers read but may not write; outsiders and annotators see nothing", async () => {
    const { webhook } = (await send(owner, "POST", hooks(), valid)).json();
    expect((await send(viewer, "GET", hooks())).statusCode).toBe(200);
    expect((await send(viewer, "GET", hooks(`/${webhook.id}/deliveries`))).statusCode).toBe(200);
    for (const [method, rest, body] of [
      ["POST", "", valid],
      ["PATCH", `/${webhook.id}`, { active: false }],
      ["DELETE", `/${webhook.id}`, undefined],
      ["POST", `/${webhook.id}/rotate-secret`, undefined],
      ["POST", `/${webhook.id}/test`, undefined],
    ] as const) {
      expect((await send(viewer, method, hooks(rest), body)).statusCode, `${method} ${rest}`).toBe(403);
    }
    expect((await send(outsider, "GET", hooks())).statusCode).toBe(404);
    expect((await send(outsider, "GET", hooks(`/${webhook.id}`))).statusCode).toBe(404);
    const annotator = await h.user("ANNOTATOR");
    expect((await send(annotator, "GET", hooks())).statusCode).toBe(403);
    // An endpoint of one project is not reachable through another.
    const other = await createProject(h, outsider, { name: "Other" });
    const cross = await send(outsider, "GET", `/api/v1/projects/${other}/webhooks/${webhook.id}`);
    expect(cross.statusCode).toBe(404);
  });

  it("a test event and a change in the project both land in the outbox with a delivery", async () => {
    const { webhook } = (await send(owner, "POST", hooks(), { ...valid, events: ["export.failed"] })).json();
    const test = await send(owner, "POST", hooks(`/${webhook.id}/test`));
    expect(test.statusCode, test.body).toBe(202);

    // The trigger writes the event in the export's own transaction.
    const exp = await h.db.prisma.export.create({
      data: { projectId, format: "jsonl", params: {}, createdById: owner.id },
    });
    await h.db.prisma.export.update({
      where: { id: exp.id },
      data: { status: "FAILED", error: "disk full" },
    });

    const log = await send(viewer, "GET", hooks(`/${webhook.id}/deliveries`));
    expect(log.statusCode).toBe(200);
    const deliveries = log.json().deliveries as { eventType: string; status: string; attempts: number }[];
    expect(deliveries.map((d) => d.eventType).sort()).toEqual(["export.failed", "webhook.test"]);
    expect(deliveries.every((d) => d.status === "PENDING" && d.attempts === 0)).toBe(true);
    const event = await h.db.prisma.webhookEvent.findFirstOrThrow({ where: { type: "export.failed" } });
    expect(event.data).toMatchObject({ exportId: exp.id, projectId, status: "FAILED", error: "disk full" });
  });

  it("an inactive endpoint, or one not subscribed, gets no delivery", async () => {
    const { webhook } = (
      await send(owner, "POST", hooks(), { ...valid, events: ["generation_run.finished"], active: false })
    ).json();
    const run = await h.db.prisma.generationRun.create({
      data: { projectId, generatorIds: [], samplesPerPrompt: 1, createdById: owner.id },
    });
    await h.db.prisma.generationRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED" } });
    expect(await h.db.prisma.webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(0);
  });
});

describe("global webhooks", () => {
  it("are for admins only and hear every project", async () => {
    expect((await send(owner, "GET", "/api/v1/webhooks")).statusCode).toBe(403);
    expect((await send(owner, "POST", "/api/v1/webhooks", valid)).statusCode).toBe(403);
    const created = await send(admin, "POST", "/api/v1/webhooks", {
      ...valid,
      events: ["annotator.quarantined"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { webhook } = created.json();
    expect(webhook.projectId).toBeNull();
    // Not visible as a project's endpoint.
    expect((await send(admin, "GET", hooks(`/${webhook.id}`))).statusCode).toBe(404);

    const annotator = await h.user("ANNOTATOR");
    await h.db.prisma
      .$executeRaw`INSERT INTO annotator_states (project_id, user_id, status) VALUES (${projectId}::uuid, ${annotator.id}::uuid, 'ADMITTED')`;
    await h.db.prisma
      .$executeRaw`UPDATE annotator_states SET status = 'QUARANTINED', reason = 'gold accuracy' WHERE user_id = ${annotator.id}::uuid`;
    const log = (await send(admin, "GET", `/api/v1/webhooks/${webhook.id}/deliveries`)).json();
    expect(log.deliveries.map((d: { eventType: string }) => d.eventType)).toEqual(["annotator.quarantined"]);
    expect((await send(admin, "DELETE", `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(204);
    expect((await send(admin, "GET", `/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(404);
  });
});
