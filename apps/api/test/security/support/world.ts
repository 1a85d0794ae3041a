import { randomUUID } from "node:crypto";
import type { TRole } from "@arbiter/shared";
import { judge, seedProject, takeAssignment } from "../../support/annotation";
import { bearer, browser, createHarness, type Harness, type TestUser } from "../../support/harness";

// Small limits, so that a body just over them is cheap to send.
export const BODY_LIMIT = 8 * 1024;
export const IMPORT_LIMIT = 64 * 1024;

/** Who knocks on each route: every role, plus the credentials that must no longer open anything. */
export type Principal = {
  name: string;
  /** The role the route's rule is checked against; null when the caller must be turned away as unauthenticated. */
  role: TRole | null;
  headers: Record<string, string>;
};

export type World = {
  h: Harness;
  admin: TestUser;
  researcher: TestUser;
  annotator: TestUser;
  /** An annotator in a pool of another project only. */
  outsider: TestUser;
  projectId: string;
  otherProjectId: string;
  poolId: string;
  /** An assignment of `annotator` that is still open, and one they answered (with its judgment). */
  openAssignmentId: string;
  judgedAssignmentId: string;
  judgmentId: string;
  judgmentKey: ReturnType<typeof randomUUID>;
  principals: Principal[];
  close: () => Promise<void>;
};

/**
 * Two projects, each with its own pool, and one annotator holding an assignment and a
 * judgment in the first: enough real objects for every route to reach its own checks.
 */
export async function createWorld(): Promise<World> {
  const h = await createHarness({
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
    IMPORT_BODY_LIMIT_BYTES: String(IMPORT_LIMIT),
    // The matrix signs in often; the login limit is tested in auth.test.ts.
    LOGIN_RATE_LIMIT: "1000",
    LOGIN_ADDRESS_LIMIT: "1000",
  });
  const admin = await h.user("ADMIN");
  const researcher = await h.user("RESEARCHER");
  const annotator = await h.user("ANNOTATOR");
  const outsider = await h.user("ANNOTATOR");
  const seeded = await seedProject(h, researcher, [annotator], { items: 4, judgmentsPerItem: 2 });
  const other = await seedProject(h, researcher, [outsider], { items: 2, judgmentsPerItem: 1 });

  const first = await takeAssignment(h, annotator, seeded.projectId);
  const judgmentKey = randomUUID();
  const judged = await judge(h, annotator, first.assignment!.id, { choice: "A" }, judgmentKey);
  if (judged.statusCode !== 201) throw new Error(`judgment failed: ${judged.body}`);
  const { judgment, next } = judged.json();

  const suspended = await h.user("ADMIN");
  await h.db.pool.query("UPDATE users SET status = 'SUSPENDED' WHERE id = $1", [suspended.id]);
  const revoked = await h.user("ADMIN");
  await h.db.pool.query("UPDATE api_keys SET revoked_at = now() WHERE user_id = $1", [revoked.id]);

  // A credential's first use stamps last_used_at; done here so that checksums taken by the
  // tests see only what the tests themselves cause.
  for (const u of [admin, researcher, annotator, outsider]) {
    await h.app.inject({ method: "GET", url: "/api/v1/me", headers: bearer(u) });
  }

  const principals: Principal[] = [
    { name: "anonymous", role: null, headers: {} },
    { name: "suspended admin (API key)", role: null, headers: bearer(suspended) },
    { name: "suspended admin (session)", role: null, headers: browser(suspended) },
    { name: "revoked API key of an admin", role: null, headers: bearer(revoked) },
    { name: "annotator of another pool", role: "ANNOTATOR", headers: bearer(outsider) },
  ];
  for (const [role, u] of [
    ["ANNOTATOR", annotator],
    ["RESEARCHER", researcher],
    ["ADMIN", admin],
  ] as const) {
    principals.push({ name: `${role.toLowerCase()} (API key)`, role, headers: bearer(u) });
    principals.push({ name: `${role.toLowerCase()} (session)`, role, headers: browser(u) });
  }

  return {
    h,
    admin,
    researcher,
    annotator,
    outsider,
    projectId: seeded.projectId,
    otherProjectId: other.projectId,
    poolId: seeded.poolId,
    openAssignmentId: next.id,
    judgedAssignmentId: first.assignment!.id,
    judgmentId: judgment.id,
    judgmentKey,
    principals,
    close: () => h.close(),
  };
}

export type Route = { key: string; method: string; path: string; body?: JsonSchema; headers: string[] };
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Every operation in the OpenAPI document, with its JSON body schema and required headers. */
export function routesFromOpenApi(h: Harness): Route[] {
  type Op = {
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    parameters?: { in: string; name: string; required?: boolean }[];
  };
  const doc = h.app.swagger() as { paths: Record<string, Record<string, Op>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      body: op.requestBody?.content?.["application/json"]?.schema,
      headers: (op.parameters ?? []).filter((p) => p.in === "header" && p.required).map((p) => p.name),
    })),
  );
}

/** A URL for the route whose path parameters are the world's real objects where it has them. */
export function realUrl(w: World, route: Route): string {
  const byPrefix: [RegExp, string][] = [
    [/^\/api\/v1\/projects\/\{id\}/, w.projectId],
    [/^\/api\/v1\/pools\/\{id\}/, w.poolId],
    [/^\/api\/v1\/users\/\{id\}/, w.outsider.id],
    [/^\/api\/v1\/assignments\/\{id\}/, w.openAssignmentId],
    [/^\/api\/v1\/judgments\/\{id\}/, w.judgmentId],
  ];
  let url = route.path;
  for (const [pattern, id] of byPrefix) if (pattern.test(url)) url = url.replace("{id}", id);
  return url
    .replace("{userId}", w.annotator.id)
    .replace(/\{[^}]+\}/g, () => randomUUID())
    .replace("/me/progress", `/me/progress?projectId=${w.projectId}`);
}
