import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { TExportFile } from "@arbiter/shared";
import type { Page } from "playwright-core";
import { assert, currentAssignment, newPage, nextAssignment, screenshot, signIn } from "../support/browser";
import { createApiKey } from "./api-keys";
import { markGold, openItem, pastePrompts } from "./data-browser";
import { startExportWorker } from "./exports";
import { addGenerator, card } from "./generation";
import { attachPoolInSettings, createProjectInWizard } from "./project-setup";
import type { Flow } from "./types";

const PROMPTS = [
  "Why do leaves change colour in autumn?",
  "Explain what a hash function is to a new programmer.",
  "Give two tips for writing a clear bug report.",
];
const RATIONALE = "The first answer names the pigment; the second one guesses.";

const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Data and generation" }).getByRole("link", { name }).click();

/** The annotator's side: every item of the project by keyboard, a rationale on the first one. */
async function annotateAll(page: Page, web: string, projectId: string, projectName: string): Promise<number> {
  await page.goto(`${web}/annotate`);
  await page.getByRole("link", { name: new RegExp(projectName) }).click();
  let previous = await currentAssignment(page);
  let judged = 0;
  for (;;) {
    // A reader's pace: answers faster than the project's "too fast" threshold (3 s) are kept
    // but left out of exports.
    await page.waitForTimeout(3_200);
    await page.keyboard.press(judged % 2 === 0 ? "a" : "b");
    await page.keyboard.press("3");
    if (judged === 0) {
      await page.keyboard.press("r");
      await page.keyboard.type(RATIONALE);
      await page.keyboard.press("Control+Enter");
    } else await page.keyboard.press("Enter");
    judged++;
    const next = await Promise.race([
      page
        .getByTestId("done")
        .waitFor()
        .then(() => null),
      nextAssignment(page, previous),
    ]);
    if (next === null) break;
    previous = next;
  }
  assert(page.url().endsWith(`/annotate/${projectId}`), "the annotator stayed on the project's page");
  return judged;
}

/**
 * The whole researcher journey in the browser, with no API call of the test's own: a project
 * from the wizard, a pool, pasted prompts, two generators on the model server, a run, items, an
 * item made gold, an annotator's answers (another browser), the answers and rationale in the data
 * browser, and a TRL export downloaded with an API key made on the API keys page.
 */
export const researcherJourneyFlow: Flow = {
  name: "researcher journey: wizard, pool, paste, generators, run, items, gold, an annotator's answers, data browser, TRL export fetched with an API key",
  async run(ctx) {
    const { browser, web, seeded, modelServerUrl } = ctx;
    const exportWorker = await startExportWorker(ctx);
    const downloads = mkdtempSync(path.join(tmpdir(), "arbiter-journey-"));
    try {
      const { context, page } = await newPage(browser, "desktop", "light");
      await signIn(page, web, seeded.emails.researcher);
      const name = "Journey: autumn explanations";
      const projectId = await createProjectInWizard(page, web, {
        name,
        guidelines: "## Prefer the accurate answer\n\nA **correct** explanation beats a long one.",
        aspects: [
          { label: "Accuracy", scale: 5 },
          { label: "Clarity", scale: 5 },
        ],
        judgmentsPerItem: 1,
      });
      await attachPoolInSettings(page, web, projectId, "E2E annotators");

      await page.goto(`${web}/projects/${projectId}/import`);
      const report = await pastePrompts(page, PROMPTS);
      assert(report.includes(`Imported ${PROMPTS.length} prompts`), `pasted prompts imported: ${report}`);

      await tab(page, "Generators");
      for (const [label, model] of [
        ["Small", "arbiter-small"],
        ["Large", "arbiter-large"],
      ] as const) {
        const dialog = await addGenerator(page, label, modelServerUrl, model);
        await dialog.getByRole("button", { name: "Add generator" }).click();
        await card(page, label).waitFor();
      }

      await page.getByRole("link", { name: "Start a run" }).click();
      await page.getByRole("button", { name: "Start a run" }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Samples per prompt").fill("1");
      await dialog.getByText(`${PROMPTS.length} prompts × 2 generators × 1`).waitFor();
      await dialog.getByRole("button", { name: "Start run" }).click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      await page.getByText("Finished", { exact: true }).waitFor({ timeout: 60_000 });

      await page.getByRole("link", { name: "Build items" }).click();
      await page.getByRole("button", { name: "Build items" }).click();
      await page.getByTestId("build-result").getByText(`Added ${PROMPTS.length} items`).waitFor();
      await page.getByTestId("item-row").first().waitFor();
      assert((await page.getByTestId("item-row").count()) === PROMPTS.length, "one item per prompt");

      await openItem(page, PROMPTS[2]!);
      const models = (await page.locator("main").textContent()) ?? "";
      assert(
        models.includes("arbiter-small") && models.includes("arbiter-large"),
        "the item names its models",
      );
      await markGold(page, 0);
      await screenshot(page, "journey-gold-item-desktop-light");

      // An annotator of the pool, in a browser of their own, sees the project and judges it.
      const annotator = await newPage(browser, "desktop", "dark");
      await signIn(annotator.page, web, seeded.emails.annotator);
      const judged = await annotateAll(annotator.page, web, projectId, name);
      assert(judged >= PROMPTS.length - 1, `the annotator judged the open items, got ${judged}`);
      await screenshot(annotator.page, "journey-annotator-done-desktop-dark");
      await annotator.context.close();

      // The researcher finds the rationale by searching for it, and opens its item's answers.
      await page.goto(`${web}/projects/${projectId}/judgments`);
      await page.getByRole("searchbox").fill("pigment");
      const result = page.getByTestId("judgment-result").filter({ hasText: RATIONALE });
      await result.waitFor();
      await screenshot(page, "journey-rationales-desktop-light");
      await result.getByRole("link").first().click();
      await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
      await page.getByText(RATIONALE).waitFor();
      await page.getByText("strength 3").first().waitFor();

      const token = await createApiKey(page, web, { name: "journey trainer" });

      await page.goto(`${web}/projects/${projectId}/exports`);
      await page.getByTestId("preview-row").first().waitFor();
      const before = await page.locator("[data-export]").count();
      await page.getByRole("button", { name: "Run export" }).click();
      await page.locator("[data-export]").nth(before).waitFor();
      const item = page.locator("[data-export]").first();
      const exportId = (await item.getAttribute("data-export"))!;
      await page.locator(`[data-export="${exportId}"][data-status="SUCCEEDED"]`).waitFor({ timeout: 60_000 });
      await screenshot(page, "journey-export-desktop-light");

      // The copied curl command, run as a training script would, with the key from the page.
      const command = (await item.getByTestId("curl-command").getAttribute("data-copy"))!;
      execFileSync("sh", ["-c", command], {
        cwd: downloads,
        env: { ...process.env, ARBITER_API_KEY: token },
        stdio: "pipe",
      });
      const manifest = JSON.parse(readFileSync(path.join(downloads, "manifest.json"), "utf8")) as {
        format: string;
        files: TExportFile[];
      };
      assert(manifest.format === "trl", `a TRL export, got ${manifest.format}`);
      const rows: { prompt: unknown; chosen: unknown; rejected: unknown }[] = [];
      for (const file of manifest.files) {
        const bytes = readFileSync(path.join(downloads, file.name));
        assert(
          createHash("sha256").update(bytes).digest("hex") === file.sha256,
          `${file.name} matches the manifest's checksum`,
        );
        if (!file.split) continue;
        const text = file.name.endsWith(".gz") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
        for (const line of text.split("\n").filter(Boolean)) rows.push(JSON.parse(line));
      }
      assert(rows.length >= 1, "the export holds the annotator's answers");
      assert(
        rows.every((r) => r.prompt && r.chosen && r.rejected),
        "every row is a TRL preference pair",
      );
      const prompts = JSON.stringify(rows.map((r) => r.prompt));
      assert(
        PROMPTS.slice(0, 2).some((p) => prompts.includes(p)),
        "the rows are the prompts the annotator judged",
      );
      await context.close();
    } finally {
      rmSync(downloads, { recursive: true, force: true });
      await exportWorker.stop();
    }
  },
};
