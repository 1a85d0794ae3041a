import type { Page } from "playwright-core";
import { assert, newPage, screenshot, signIn, type Viewport } from "../support/browser";
import { ApiClient } from "../support/seed";
import type { Flow, FlowContext } from "./types";

const PROMPTS = [
  "Why is the sea salty?",
  "Explain recursion to a ten-year-old.",
  "What makes a good code review?",
  "Describe the smell of rain.",
  "How do vaccines train the immune system?",
  "Give three tips for a first marathon.",
];

export async function addGenerator(page: Page, name: string, baseUrl: string, model: string) {
  await page.getByRole("button", { name: "Add generator" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  await dialog.getByLabel("Base URL").fill(baseUrl);
  await dialog.getByLabel("Model", { exact: true }).fill(model);
  await dialog.getByLabel("Seed").fill("11");
  return dialog;
}

export const card = (page: Page, name: string) =>
  page.locator('[data-testid="generator-card"]', { hasText: name });

async function noSideScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `no horizontal scrolling on ${where} (${overflow}px)`);
}

/** Every generation page at both sizes and in both schemes, checked for sideways scrolling. */
async function shootPages(ctx: FlowContext, projectId: string, runId: string) {
  const pages = {
    generators: `/projects/${projectId}/generators`,
    runs: `/projects/${projectId}/runs`,
    run: `/projects/${projectId}/runs/${runId}`,
    import: `/projects/${projectId}/import`,
    items: `/projects/${projectId}/items`,
  };
  for (const viewport of ["desktop", "phone"] as Viewport[]) {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(ctx.browser, viewport, scheme);
      await signIn(page, ctx.web, ctx.admin.email, ctx.admin.password);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${ctx.web}${path}`);
        await page.locator("h1").waitFor();
        await noSideScroll(page, `${name} ${viewport} ${scheme}`);
        await screenshot(page, `generation-${name}-${viewport}-${scheme}`);
      }
      await context.close();
    }
  }
}

/**
 * A large run's head is under way while the worker still writes the rest of its samples: it
 * is QUEUED with a start time, and the pages call it Starting. The row stands for that moment
 * (no generators, so nothing would be asked of a model if a worker planned it).
 */
async function shootStartingRun(ctx: FlowContext, projectId: string) {
  const { rows } = await ctx.db.pool.query<{ id: string }>(
    `INSERT INTO generation_runs (project_id, generator_ids, samples_per_prompt, created_by_id, status, started_at, total)
     SELECT $1, '{}', 1, id, 'QUEUED', now(), 24 FROM users WHERE email = $2 RETURNING id`,
    [projectId, ctx.admin.email],
  );
  const runId = rows[0]!.id;
  // The worker's recovery sweep plans a QUEUED run that has no plan job, which would end
  // this one at once; a row lock holds the sweep off until the screenshots are taken.
  const hold = await ctx.db.pool.connect();
  try {
    await hold.query("BEGIN");
    await hold.query("SELECT 1 FROM generation_runs WHERE id = $1 FOR UPDATE", [runId]);
    for (const [viewport, scheme] of [
      ["desktop", "dark"],
      ["phone", "light"],
    ] as const) {
      const { context, page } = await newPage(ctx.browser, viewport, scheme);
      await signIn(page, ctx.web, ctx.admin.email, ctx.admin.password);
      await page.goto(`${ctx.web}/projects/${projectId}/runs`);
      await page.getByText("Starting", { exact: true }).first().waitFor();
      await screenshot(page, `generation-runs-starting-${viewport}-${scheme}`);
      await page.goto(`${ctx.web}/projects/${projectId}/runs/${runId}`);
      await page.getByText("Starting", { exact: true }).first().waitFor();
      await screenshot(page, `generation-run-starting-${viewport}-${scheme}`);
      await context.close();
    }
  } finally {
    await hold.query("ROLLBACK");
    hold.release();
  }
}

export const generationFlow: Flow = {
  name: "generation: add generators, test connection, run through the worker, build items, import with rejects",
  async run(ctx) {
    const { browser, web, api, db, admin, modelServerUrl } = ctx;
    const client = await ApiClient.signIn(api, admin.email, admin.password);
    const { project } = await client.json<{ project: { id: string } }>("POST", "/projects", {
      name: "Generation e2e",
    });
    await client.json("POST", `/projects/${project.id}/prompts`, {
      prompts: PROMPTS.map((text) => ({ text })),
    });

    const { context, page } = await newPage(browser, "desktop", "light");
    await signIn(page, web, admin.email, admin.password);
    await page.goto(`${web}/projects/${project.id}`);
    await page.getByRole("link", { name: "Data and generation" }).click();
    await page.getByRole("heading", { name: "Items", level: 1 }).waitFor();
    await page.getByText("No completions yet").waitFor();
    await page
      .getByRole("navigation", { name: "Data and generation" })
      .getByRole("link", { name: "Generators" })
      .click();
    await page.getByText("No generators yet").waitFor();
    await screenshot(page, "generation-generators-empty-desktop-light");

    // A wrong field is named before anything is sent.
    let dialog = await addGenerator(page, "Small", modelServerUrl, "arbiter-small");
    await dialog.getByLabel("Other parameters (JSON)").fill('{"temperature": 2}');
    await dialog.getByRole("button", { name: "Add generator" }).click();
    await dialog.getByText("set temperature in its own field above").waitFor();
    await screenshot(page, "generation-generator-dialog-desktop-light");
    await dialog.getByLabel("Other parameters (JSON)").fill('{"top_k": 40}');
    await dialog.getByRole("button", { name: "Add generator" }).click();
    await card(page, "Small").waitFor();
    dialog = await addGenerator(page, "Large", modelServerUrl, "arbiter-large");
    await dialog.getByRole("button", { name: "Add generator" }).click();
    await card(page, "Large").waitFor();

    // The connection test goes through the worker to the model server, and reports its errors too.
    await card(page, "Small").getByRole("button", { name: "Test connection" }).click();
    const ok = card(page, "Small").getByTestId("connection-result");
    await ok.getByText("Connected").waitFor({ timeout: 30_000 });
    assert(/\d+ ms/.test((await ok.textContent()) ?? ""), "latency shown");
    dialog = await addGenerator(page, "Broken", modelServerUrl, "no-such-model");
    await dialog.getByRole("button", { name: "Add generator" }).click();
    await card(page, "Broken").getByRole("button", { name: "Test connection" }).click();
    const failed = card(page, "Broken").getByTestId("connection-result");
    await failed.getByText("Failed").waitFor({ timeout: 30_000 });
    assert(((await failed.textContent()) ?? "").includes("404"), "the server's 404 is shown");
    await screenshot(page, "generation-generators-tested-desktop-light");
    await card(page, "Broken").getByRole("button", { name: "Remove Broken" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await card(page, "Broken").waitFor({ state: "detached" });

    // Edit keeps the extra parameter and changes the one asked for.
    await card(page, "Large").getByRole("button", { name: "Edit Large" }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("max_tokens").fill("48");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await card(page, "Large").getByText("max_tokens=48").waitFor();

    // Start a run of both generators, two samples each, and watch it finish.
    await page.getByRole("link", { name: "Start a run" }).click();
    await page.getByRole("button", { name: "Start a run" }).first().click();
    dialog = page.getByRole("dialog");
    await dialog.getByLabel("Samples per prompt").fill("2");
    await dialog.getByText(`${PROMPTS.length} prompts × 2 generators × 2`).waitFor();
    await dialog.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    const runId = page.url().split("/").at(-1)!;
    await page.getByText("Finished", { exact: true }).waitFor({ timeout: 60_000 });
    const total = PROMPTS.length * 2 * 2;
    const progress = (await page.getByTestId("run-progress").textContent()) ?? "";
    assert(progress.includes(`${total} of ${total}`), `all samples finished, got ${progress}`);
    await screenshot(page, "generation-run-finished-desktop-light");
    const stored = await db.pool.query(
      "SELECT count(*)::int AS n FROM completions c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = $1",
      [project.id],
    );
    assert(stored.rows[0].n === total, `one completion per sample in Postgres, got ${stored.rows[0].n}`);

    // Build items from this run; a second build adds nothing.
    await page.getByRole("link", { name: "Build items" }).click();
    await page.getByRole("heading", { name: "Items", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Build items" }).click();
    const result = page.getByTestId("build-result");
    await result.getByText(/Added \d+ items/).waitFor();
    await page.getByTestId("item-row").first().waitFor();
    const rowText = (await page.getByTestId("item-row").first().textContent()) ?? "";
    assert(
      rowText.includes("arbiter-small") && rowText.includes("arbiter-large"),
      `models shown: ${rowText}`,
    );
    await page.getByRole("button", { name: "Build items" }).click();
    await result.getByText("Nothing new").waitFor();
    await screenshot(page, "generation-items-built-desktop-light");

    // Import: a dry run lists the bad lines and writes nothing; then the good lines go in.
    await page
      .getByRole("navigation", { name: "Data and generation" })
      .getByRole("link", { name: "Import" })
      .click();
    const file = [
      JSON.stringify({ externalId: "new-1", text: "What is a reward model?" }),
      "{broken",
      JSON.stringify({ text: PROMPTS[0] }),
      JSON.stringify({ externalId: "no-content" }),
    ].join("\n");
    await page.getByLabel("File to import").setInputFiles({
      name: "prompts.jsonl",
      mimeType: "application/x-ndjson",
      buffer: Buffer.from(file),
    });
    await page.getByTestId("import-file").getByText("prompts.jsonl").waitFor();
    await page.getByRole("button", { name: "Check file" }).click();
    const report = page.getByTestId("import-report");
    await report.getByText("2 rejected").waitFor();
    const lines = await page
      .getByTestId("import-rejects")
      .locator("tbody tr td:first-child")
      .allTextContents();
    assert(lines.join(",") === "2,4", `rejected line numbers, got ${lines.join(",")}`);
    assert(
      await page.getByRole("button", { name: /^Import prompts$/ }).isDisabled(),
      "all-or-nothing blocks",
    );
    await screenshot(page, "generation-import-checked-desktop-light");
    await page.getByText("Import the good lines, report the rest").click();
    await page.getByRole("button", { name: "Check file" }).click();
    await report.getByText("Would import").waitFor();
    await page.getByRole("button", { name: "Import 1 prompt" }).click();
    await report.getByText("Imported 1 prompt").waitFor();
    assert(
      ((await report.textContent()) ?? "").includes("Duplicates1"),
      "the repeated prompt is a duplicate",
    );
    const count = await db.pool.query("SELECT count(*)::int AS n FROM prompts WHERE project_id = $1", [
      project.id,
    ]);
    assert(count.rows[0].n === PROMPTS.length + 1, `one new prompt, got ${count.rows[0].n}`);
    await context.close();

    await shootPages(ctx, project.id, runId);
    await shootStartingRun(ctx, project.id);
  },
};
