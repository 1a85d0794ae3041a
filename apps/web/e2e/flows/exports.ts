import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@arbiter/db";
import type { TExportPreview, TProject } from "@arbiter/shared";
import { backdateAssignment, freePort, waitForHttp } from "@arbiter/testkit";
import type { Page } from "playwright-core";
import { assert, newPage, screenshot, signIn } from "../support/browser";
import { startApp } from "../support/processes";
import { ApiClient, PASSWORD } from "../support/seed";
import type { Flow, FlowContext } from "./types";

const PROMPTS: [string, string, string][] = [
  [
    "Explain gradient clipping in one paragraph.",
    "Gradient clipping caps the norm of the gradient before each update, so one bad batch cannot throw the weights far off.",
    "It clips gradients.",
  ],
  [
    "What does a reward model learn?",
    "A scalar score that ranks completions the way the human comparisons did.",
    "A reward model learns rewards, which are <b>numbers</b>.",
  ],
  [
    "Give a haiku about version control.",
    "Branches drift apart /\nthe merge remembers both paths /\nconflicts bloom at dawn",
    "git commit -m 'poem'",
  ],
  [
    "Why split datasets by prompt?",
    "So that no prompt is both trained on and tested on; otherwise the test score flatters the model.",
    "Splitting is good practice.",
  ],
];

/** Annotators answer through the API: mostly the fuller answer, strength 2-4, one tie (-1: none). */
export async function judgeAll(api: string, db: Db, email: string, projectId: string, tieOn: number) {
  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: "POST",
    headers: { origin: api, "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = String(login.headers.get("set-cookie")).split(";")[0]!;
  const headers = { origin: api, cookie };
  for (let n = 0; ; n++) {
    const res = await fetch(`${api}/api/v1/projects/${projectId}/assignments`, { method: "POST", headers });
    if (res.status === 204) return;
    if (res.status !== 201) throw new Error(`assignment for ${email}: ${res.status} ${await res.text()}`);
    const { assignment } = (await res.json()) as {
      assignment: { id: string; options: { key: string; text: string }[] };
    };
    const fuller = assignment.options.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const body = n === tieOn ? { choice: "tie" } : { choice: fuller.key, strength: 2 + (n % 3) };
    // A read of 12 s and more, as the server measures it.
    await backdateAssignment(db.pool, assignment.id, 12_000 + n * 1_000);
    const judged = await fetch(`${api}/api/v1/assignments/${assignment.id}/judgment`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ ...body, durationMs: 12_000 + n * 1_000 }),
    });
    if (judged.status !== 201) throw new Error(`judgment: ${judged.status} ${await judged.text()}`);
  }
}

async function seedExportProject(ctx: FlowContext): Promise<TProject> {
  const admin = await ApiClient.signIn(ctx.api, ctx.admin.email, ctx.admin.password);
  const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
    name: "Concise explanations",
    poolIds: ctx.seeded.pairwise.poolIds,
    judgmentsPerItem: 2,
    questions: { strength: true, allowTie: true },
  });
  // Researchers reach only the projects they belong to; the admin created this one.
  await admin.json("POST", `/projects/${project.id}/members`, {
    email: ctx.seeded.emails.researcher,
    role: "RESEARCHER",
  });
  const created = await admin.json<{ prompts: { id: string }[] }>("POST", `/projects/${project.id}/prompts`, {
    prompts: PROMPTS.map(([text]) => ({ text })),
  });
  await admin.json("POST", `/projects/${project.id}/items`, {
    items: created.prompts.map((p, i) => ({
      promptId: p.id,
      completions: PROMPTS[i]!.slice(1).map((text, k) => ({
        text,
        model: k === 0 ? "arbiter-7b" : "baseline-1b",
      })),
    })),
  });
  await judgeAll(ctx.api, ctx.db, ctx.seeded.emails.annotator, project.id, 1);
  await judgeAll(ctx.api, ctx.db, ctx.seeded.emails.phone, project.id, -1);
  return project;
}

/** A worker for the export queue only, under the run's Redis prefix, writing to a temporary folder. */
export async function startExportWorker(ctx: FlowContext) {
  const exportDir = mkdtempSync(path.join(tmpdir(), "arbiter-e2e-exports-"));
  const healthPort = await freePort();
  const proc = startApp("export-worker", "apps/worker/src/index.ts", {
    NODE_ENV: "test",
    DATABASE_URL: ctx.databaseUrl,
    REDIS_PREFIX: ctx.redisPrefix,
    WORKER_QUEUES: "export",
    EXPORT_DIR: exportDir,
    WORKER_HEALTH_HOST: "127.0.0.1",
    WORKER_HEALTH_PORT: String(healthPort),
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: "4",
  });
  await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: proc, timeoutMs: 120_000 });
  return {
    stop: async () => {
      await proc.stop();
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}

/** From the project page's link on a desktop; straight to the page on a phone. */
async function openExports(page: Page, web: string, projectId: string, viaProject: boolean) {
  if (viaProject) {
    await page.goto(`${web}/projects/${projectId}`);
    await page.getByRole("link", { name: "Export", exact: true }).click();
    await page.waitForURL(`**/projects/${projectId}/exports`);
  } else await page.goto(`${web}/projects/${projectId}/exports`);
  await page.getByTestId("preview-row").first().waitFor();
}

async function noHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `no horizontal scrolling on ${label} (${overflow}px)`);
}

export const exportsFlow: Flow = {
  name: "exports: live preview, field errors from the API, trl export with progress, download equal to the API's bytes, curl; desktop and phone, light and dark",
  async run(ctx) {
    const { browser, web, api, seeded } = ctx;
    const project = await seedExportProject(ctx);
    const researcher = await ApiClient.signIn(api, seeded.emails.researcher);
    const worker = await startExportWorker(ctx);
    try {
      const { context, page } = await newPage(browser, "desktop", "light");
      await signIn(page, web, seeded.emails.researcher);
      await openExports(page, web, project.id, true);

      // The preview on screen is the API's, row for row, and its counts are the API's.
      const body = {
        format: "trl",
        splits: { test: 0.1, train: 0.9 },
        excludeTooFast: true,
        seed: "arbiter",
      };
      const expected = (
        await researcher.json<{ preview: TExportPreview }>(
          "POST",
          `/projects/${project.id}/exports/preview`,
          body,
        )
      ).preview;
      assert(expected.rows.length > 0, "the seeded project has rows to preview");
      const shown = await page.getByTestId("preview-row").allTextContents();
      assert(
        shown[0] === JSON.stringify(JSON.parse(expected.rows[0]!.line), null, 2),
        `first preview row matches the API's, got ${shown[0]}`,
      );
      const matching = await page.getByTestId("matching-judgments").textContent();
      assert(matching === String(expected.source.matchingJudgments), `matching judgments ${matching}`);
      // A mistake only the API knows about comes back as a 400 and lands on its field.
      await page.getByLabel("Split 1 name").fill("Train");
      const splitError = page.locator('[data-field="splits"] [role="alert"]');
      await splitError.waitFor();
      assert(
        /lower-case/.test((await splitError.textContent()) ?? ""),
        "the split name error is on the splits field",
      );
      assert(
        await page.getByRole("button", { name: "Run export" }).isDisabled(),
        "no run while the options are wrong",
      );
      await page.getByLabel("Split 1 name").fill("train");
      await splitError.waitFor({ state: "detached" });
      await page.getByTestId("preview-row").first().waitFor();
      await noHorizontalScroll(page, "desktop");
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "exports-desktop-light");

      // Run: the new export shows its progress, then its files.
      const before = await page.locator("[data-export]").count();
      await page.getByRole("button", { name: "Run export" }).click();
      await page.locator("[data-export]").nth(before).waitFor();
      const item = page.locator("[data-export]").first();
      const exportId = (await item.getAttribute("data-export"))!;
      await page.locator(`[data-export="${exportId}"][data-status="SUCCEEDED"]`).waitFor({ timeout: 60_000 });
      const done = (
        await researcher.json<{ export: { files: { name: string; sha256: string }[] } }>(
          "GET",
          `/exports/${exportId}`,
        )
      ).export;
      const file = done.files.find((f) => f.name === "train.jsonl.gz");
      assert(file, "a train file");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        item.getByRole("link", { name: /train\.jsonl\.gz/ }).click(),
      ]);
      const downloaded = readFileSync((await download.path())!);
      const fromApi = Buffer.from(
        await (await researcher.request("GET", `/exports/${exportId}/files/train.jsonl.gz`)).arrayBuffer(),
      );
      assert(downloaded.equals(fromApi), "the browser's download is the API's file, byte for byte");
      assert(createHash("sha256").update(downloaded).digest("hex") === file.sha256, "checksum as listed");
      // Through the web origin's proxy with the session, an interrupted download resumes.
      const viaWeb = `${web}/api/v1/exports/${exportId}/files/train.jsonl.gz`;
      const rest = await page.request.get(viaWeb, { headers: { range: "bytes=10-" } });
      assert(rest.status() === 206, `a ranged download is partial, got ${rest.status()}`);
      assert((await rest.body()).equals(fromApi.subarray(10)), "the range's bytes");
      const curl = (await item.getByTestId("curl-command").textContent()) ?? "";
      assert(curl.includes("Authorization: Bearer $ARBITER_API_KEY"), "curl uses an API key");
      assert(
        curl.includes(`${web}/api/v1/exports/${exportId}/files/train.jsonl.gz`),
        `curl URL, got ${curl}`,
      );
      await screenshot(page, "exports-done-desktop-light");
      await context.close();

      for (const [viewport, scheme] of [
        ["desktop", "dark"],
        ["phone", "light"],
        ["phone", "dark"],
      ] as const) {
        const shot = await newPage(browser, viewport, scheme);
        await signIn(shot.page, web, seeded.emails.researcher);
        await openExports(shot.page, web, project.id, viewport === "desktop");
        await noHorizontalScroll(shot.page, `${viewport} ${scheme}`);
        await screenshot(shot.page, `exports-${viewport}-${scheme}`);
        await shot.page.locator(`[data-export="${exportId}"]`).scrollIntoViewIfNeeded();
        await screenshot(shot.page, `exports-list-${viewport}-${scheme}`);
        await shot.context.close();
      }

      // KTO rows under Dawid–Skene: the preview shows labelled completions.
      for (const [viewport, scheme] of [
        ["desktop", "light"],
        ["desktop", "dark"],
        ["phone", "light"],
        ["phone", "dark"],
      ] as const) {
        const kto = await newPage(browser, viewport, scheme);
        await signIn(kto.page, web, seeded.emails.researcher);
        await openExports(kto.page, web, project.id, viewport === "desktop");
        // By keyboard: on a phone the sticky header can sit over the control a click would hit.
        for (const radio of [
          kto.page.locator('[data-choice="kto"] input'),
          kto.page.getByRole("radio", { name: "Dawid–Skene" }),
        ]) {
          await radio.focus();
          await kto.page.keyboard.press("Space");
        }
        await kto.page.getByTestId("preview-row").first().getByText('"label"').waitFor();
        await noHorizontalScroll(kto.page, `kto ${viewport} ${scheme}`);
        await kto.page.locator('[data-choice="kto"]').scrollIntoViewIfNeeded();
        await screenshot(kto.page, `exports-kto-${viewport}-${scheme}`);
        await kto.context.close();
      }

      // A ranking project offers the ways to turn a ranking into pairs.
      const ranking = await newPage(browser, "desktop", "light");
      await signIn(ranking.page, web, seeded.emails.researcher);
      await ranking.page.goto(`${web}/projects/${seeded.ranking.id}/exports`);
      await ranking.page.getByText("Pairs from a ranking").waitFor();
      await ranking.page.getByText("No exports yet").waitFor();
      await ranking.context.close();
    } finally {
      await worker.stop();
    }
  },
};
