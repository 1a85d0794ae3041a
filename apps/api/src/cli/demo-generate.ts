// The demo's generation step, run by `npm run demo` once the stack answers: as the demo
// researcher, through the public API, it adds prompts, points two generators at the local
// model server, runs generation through the worker and builds items comparing the two
// models, printing progress. Safe to repeat: nothing already there is added again.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TContentSummary, TGenerationRun, TGenerator, TProject } from "@arbiter/shared";
import { DEMO_GENERATORS, DEMO_ITEMS, DEMO_PROMPTS } from "./demo-content";

const apiUrl = (process.env.API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`).replace(
  /\/+$/,
  "",
);
const modelUrl = `http://127.0.0.1:${process.env.MODEL_SERVER_PORT ?? 8000}/v1`;
const webUrl = `http://localhost:${process.env.WEB_PORT ?? 3000}`;
const credentials = path.resolve(process.env.ARBITER_DEMO_DIR ?? ".arbiter", "demo-credentials.json");
const SAMPLES = 2;
const RUN_TIMEOUT_MS = 10 * 60_000;

let cookie = "";

async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiUrl}/api/v1${route}`, {
    method,
    headers: {
      // A cookie-authenticated write must come from the API's own origin (CSRF check).
      origin: apiUrl,
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
  if (route === "/auth/login") cookie = String(res.headers.get("set-cookie")).split(";")[0]!;
  return (res.status === 204 ? null : await res.json()) as T;
}

async function findProject(slug: string): Promise<TProject> {
  let cursor: string | null = null;
  do {
    const page: { projects: TProject[]; nextCursor: string | null } = await call(
      "GET",
      `/projects?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
    );
    const found = page.projects.find((p) => p.slug === slug);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  throw new Error(`the demo project (${slug}) is missing; seed-demo creates it`);
}

async function ensureGenerators(projectId: string): Promise<TGenerator[]> {
  const { generators } = await call<{ generators: TGenerator[] }>("GET", `/projects/${projectId}/generators`);
  const out: TGenerator[] = [];
  for (const wanted of DEMO_GENERATORS) {
    const existing = generators.find((g) => g.name === wanted.name);
    if (!existing) {
      const { generator } = await call<{ generator: TGenerator }>(
        "POST",
        `/projects/${projectId}/generators`,
        {
          ...wanted,
          baseUrl: modelUrl,
          mode: "chat",
          concurrency: 8,
        },
      );
      console.log(`  added generator "${generator.name}" -> ${modelUrl} (${generator.model})`);
      out.push(generator);
    } else if (existing.baseUrl !== modelUrl) {
      // The model server's port may differ from the last demo run.
      const { generator } = await call<{ generator: TGenerator }>(
        "PATCH",
        `/projects/${projectId}/generators/${existing.id}`,
        { baseUrl: modelUrl },
      );
      out.push(generator);
    } else {
      out.push(existing);
    }
  }
  return out;
}

async function watchRun(projectId: string, runId: string): Promise<TGenerationRun> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  let shown = "";
  for (;;) {
    const { run } = await call<{ run: TGenerationRun }>(
      "GET",
      `/projects/${projectId}/generation-runs/${runId}`,
    );
    const finished = run.done + run.failed + run.cancelled;
    const width = 30;
    const filled = run.total ? Math.round((finished / run.total) * width) : 0;
    const line = `  [${"#".repeat(filled)}${".".repeat(width - filled)}] ${finished}/${run.total} samples, ${run.failed} failed`;
    if (line !== shown) console.log(line);
    shown = line;
    if (run.status !== "QUEUED" && run.status !== "RUNNING") return run;
    if (Date.now() > deadline)
      throw new Error("the generation run did not finish in 10 minutes; is the worker up?");
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const logins: { role: string; email: string; password: string }[] = JSON.parse(
    readFileSync(credentials, "utf8"),
  );
  const researcher = logins.find((l) => l.role === "RESEARCHER");
  if (!researcher) throw new Error(`no researcher login in ${credentials}`);
  await call("POST", "/auth/login", { email: researcher.email, password: researcher.password });
  const project = await findProject("demo-helpfulness");
  console.log(
    `\nDemo generation for "${project.name}" through the worker and the model server (a stand-in, not a model):`,
  );

  // Prompts are stored once per content, so adding them again reuses them.
  await call("POST", `/projects/${project.id}/prompts`, {
    prompts: [...DEMO_ITEMS.map((d) => d.prompt), ...DEMO_PROMPTS].map((text, i) => ({
      text,
      externalId: i < DEMO_ITEMS.length ? `demo-${i + 1}` : `demo-gen-${i - DEMO_ITEMS.length + 1}`,
    })),
  });
  const generators = await ensureGenerators(project.id);
  const contents = async () =>
    (await call<{ summary: TContentSummary }>("GET", `/projects/${project.id}/contents`)).summary;
  const before = await contents();
  const wantedPerGenerator = before.prompts * SAMPLES;
  const missing = generators.some(
    (g) => (before.models.find((m) => m.generatorId === g.id)?.completions ?? 0) < wantedPerGenerator,
  );
  if (missing) {
    const { run } = await call<{ run: TGenerationRun }>("POST", `/projects/${project.id}/generation-runs`, {
      generatorIds: generators.map((g) => g.id),
      samplesPerPrompt: SAMPLES,
    });
    console.log(
      `  run started: ${before.prompts} prompts x ${generators.length} generators x ${SAMPLES} samples`,
    );
    const done = await watchRun(project.id, run.id);
    console.log(`  run ${done.status.toLowerCase()}: ${done.done} completions stored, ${done.failed} failed`);
  } else {
    console.log(`  completions already generated (${wantedPerGenerator} per generator); no new run`);
  }

  const built = await call<{ created: number; existing: number; skippedIdentical: number }>(
    "POST",
    `/projects/${project.id}/items/build`,
    { strategy: "cross-generator", generatorIds: generators.map((g) => g.id), skipIdentical: true },
  );
  const after = await contents();
  console.log(
    `  items built (small vs large): ${built.created} new, ${built.existing} already there; the project has ${after.items.total} items`,
  );
  for (const m of after.models) {
    console.log(
      `    ${m.model.padEnd(16)} ${String(m.completions).padStart(4)} completions (${m.generatorName ?? "imported"})`,
    );
  }
  console.log(`  See ${webUrl}/projects/${project.id}/items (sign in as ${researcher.email})\n`);
}

main().catch((err) => {
  console.error(`demo generation failed: ${(err as Error).message}`);
  process.exit(1);
});
