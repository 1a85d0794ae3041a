import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocument, renderSchemaTypes } from "../scripts/render-schema";
import { type Arbiter, ArbiterError, createArbiter, unwrap } from "../src";
import { IDEMPOTENT_POSTS } from "../src/idempotent-routes";
import { ADMIN, startApi } from "./support/api-process";

let api: Awaited<ReturnType<typeof startApi>>;
let admin: Arbiter;
let adminKey: string;

beforeAll(async () => {
  api = await startApi();
  const session = createArbiter({
    baseUrl: api.baseUrl,
    cookie: await api.signIn(ADMIN.email, ADMIN.password),
  });
  const { token } = unwrap(await session.POST("/api/v1/api-keys", { body: { name: "client tests" } }));
  adminKey = token;
  admin = createArbiter({ baseUrl: api.baseUrl, apiKey: token });
});
afterAll(async () => {
  await api?.stop();
});

async function createProject(name: string, poolIds: string[] = []) {
  const { project } = unwrap(
    await admin.POST("/api/v1/projects", {
      body: { name, taskType: "pairwise", judgmentsPerItem: 1, poolIds, questions: { strength: false } },
    }),
  );
  return project.id;
}

describe("createArbiter", () => {
  it("authenticates with an API key", async () => {
    const me = unwrap(await admin.GET("/api/v1/me"));
    expect(me.user.email).toBe(ADMIN.email);
    const anonymous = createArbiter({ baseUrl: api.baseUrl, apiKey: "arb_not-a-key" });
    const denied = await anonymous.GET("/api/v1/me");
    expect(denied.response.status).toBe(401);
  });

  it("creates a project, imports prompts and pages through them", async () => {
    const projectId = await createProject("Paged prompts");
    const texts = Array.from({ length: 7 }, (_, i) => `Prompt number ${i}`);
    const added = unwrap(
      await admin.POST("/api/v1/projects/{id}/prompts", {
        params: { path: { id: projectId } },
        body: { prompts: texts.map((text) => ({ text })) },
      }),
    );
    expect(added.prompts).toHaveLength(7);

    let pages = 0;
    const counting = createArbiter({
      baseUrl: api.baseUrl,
      apiKey: adminKey,
      fetch: (request) => {
        if (new URL(request.url).pathname.endsWith("/prompts")) pages += 1;
        return fetch(request);
      },
    });
    const seen: string[] = [];
    for await (const prompt of counting.paginate("/api/v1/projects/{id}/prompts", {
      params: { path: { id: projectId }, query: { limit: 3 } },
    }))
      seen.push(prompt.preview);
    expect(seen.sort()).toEqual([...texts].sort());
    expect(pages).toBe(3);
  });

  it("turns a 400 into an ArbiterError naming the failing fields", async () => {
    const res = await admin.POST("/api/v1/projects", {
      body: { name: "Typo", taskType: "pairwise", judgmentsPerItem: 0, colour: "red" } as never,
    });
    const error = (() => {
      try {
        unwrap(res);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ArbiterError);
    const { status, code, details } = error as ArbiterError;
    expect({ status, code }).toEqual({ status: 400, code: "validation_error" });
    expect(details).toEqual(
      expect.arrayContaining([{ path: "body.colour", message: "is not a known field" }]),
    );
  });

  it("paginate() throws an ArbiterError for a project the caller cannot see", async () => {
    const rows = admin.paginate("/api/v1/projects/{id}/prompts", {
      params: { path: { id: "00000000-0000-4000-8000-000000000000" } },
    });
    await expect(rows.next()).rejects.toMatchObject({ name: "ArbiterError", status: 404 });
  });
});

describe("retries", () => {
  it("sends a judgment again after a lost answer, with the same Idempotency-Key, and it is stored once", async () => {
    const annotator = { email: "annotator@client.test", password: "another horse battery staple" };
    const { user } = unwrap(
      await admin.POST("/api/v1/users", { body: { ...annotator, name: "Annotator", role: "ANNOTATOR" } }),
    );
    const { pool } = unwrap(await admin.POST("/api/v1/pools", { body: { name: "Client pool" } }));
    unwrap(
      await admin.POST("/api/v1/pools/{id}/members", {
        params: { path: { id: pool.id } },
        body: { userIds: [user.id] },
      }),
    );
    const projectId = await createProject("Retried judgments", [pool.id]);
    const { prompts } = unwrap(
      await admin.POST("/api/v1/projects/{id}/prompts", {
        params: { path: { id: projectId } },
        body: { prompts: [{ text: "Which is kinder?" }] },
      }),
    );
    unwrap(
      await admin.POST("/api/v1/projects/{id}/items", {
        params: { path: { id: projectId } },
        body: {
          items: [
            {
              promptId: prompts[0]!.id,
              completions: [
                { text: "Yes.", model: "m-1" },
                { text: "Gladly.", model: "m-2" },
              ],
            },
          ],
        },
      }),
    );

    // The first judgment reaches the API, then its answer is lost on the way back.
    const keys: string[] = [];
    const flaky = async (request: Request) => {
      if (!request.url.endsWith("/judgment")) return fetch(request);
      keys.push(request.headers.get("idempotency-key") ?? "");
      const response = await fetch(request);
      if (keys.length === 1) throw new TypeError("fetch failed: connection reset");
      return response;
    };
    const cookie = await api.signIn(annotator.email, annotator.password);
    const client = createArbiter({ baseUrl: api.baseUrl, cookie, fetch: flaky, retry: { baseDelayMs: 1 } });
    const { assignment } = unwrap(
      await client.POST("/api/v1/projects/{id}/assignments", { params: { path: { id: projectId } } }),
    );
    const answered = await client.POST("/api/v1/assignments/{id}/judgment", {
      params: { path: { id: assignment.id } },
      body: { choice: "A" },
    });
    expect(answered.response.status).toBe(201);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    const { project } = unwrap(
      await admin.GET("/api/v1/projects/{id}", { params: { path: { id: projectId } } }),
    );
    expect(project.counts.judgments).toBe(1);
  });

  it("does not repeat a POST that carries no Idempotency-Key", async () => {
    let attempts = 0;
    const client = createArbiter({
      baseUrl: api.baseUrl,
      apiKey: adminKey,
      retry: { baseDelayMs: 1 },
      fetch: async () => {
        attempts += 1;
        throw new TypeError("fetch failed");
      },
    });
    await expect(client.POST("/api/v1/pools", { body: { name: "Never sent twice" } })).rejects.toThrow(
      "fetch failed",
    );
    expect(attempts).toBe(1);
  });

  it("retries a GET answered 503, waiting what Retry-After says", async () => {
    let attempts = 0;
    const client = createArbiter({
      baseUrl: api.baseUrl,
      apiKey: adminKey,
      fetch: async (request) => {
        attempts += 1;
        if (attempts === 1)
          return new Response(JSON.stringify({ error: { code: "service_unavailable", message: "retry" } }), {
            status: 503,
            headers: { "retry-after": "0", "content-type": "application/json" },
          });
        return fetch(request);
      },
    });
    expect(unwrap(await client.GET("/api/v1/me")).user.email).toBe(ADMIN.email);
    expect(attempts).toBe(2);
  });
});

describe("generated files", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const STALE =
    "is older than the API's routes: run `npm run generate -w @arbiter/client` and commit the result";

  it("openapi.json and src/schema.d.ts are what the API serves now", async () => {
    const served: unknown = await (await fetch(`${api.baseUrl}/api/v1/openapi.json`)).json();
    const document = await readFile(path.join(root, "openapi.json"), "utf8");
    expect(document === renderDocument(served), `openapi.json ${STALE}`).toBe(true);
    const types = await readFile(path.join(root, "src/schema.d.ts"), "utf8");
    expect(types === (await renderSchemaTypes(served)), `src/schema.d.ts ${STALE}`).toBe(true);
  });

  it("the client fills an Idempotency-Key on exactly the POSTs that take one", async () => {
    const served = (await (await fetch(`${api.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { post?: { parameters?: { in: string; name: string }[] } }>;
    };
    const declared = Object.entries(served.paths)
      .filter(([, ops]) =>
        ops.post?.parameters?.some((p) => p.in === "header" && p.name === "idempotency-key"),
      )
      .map(([route]) => route);
    expect(declared.sort()).toEqual([...IDEMPOTENT_POSTS].sort());
  });
});
