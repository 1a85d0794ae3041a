import path from "node:path";
import { DEFAULT_SCREENING_PATTERNS, type TProject } from "@arbiter/shared";
import { assert, newPage, SCREENSHOT_DIR, signIn } from "../support/browser";
import { ApiClient } from "../support/seed";
import { createProjectInWizard, everyLook, shot } from "./project-setup";
import type { Flow } from "./types";

/**
 * A researcher sets up a live arena in the browser: "Live arena" in the wizard (no ranking
 * offered), then the settings page's Arena section: a bad limit is marked at its field, the
 * limits, screening and moderation are saved, and the API returns what was typed.
 */
export const arenaSetupFlow: Flow = {
  name: "project setup, arena: wizard mode choice, arena settings with field errors, saved values",
  async run(ctx) {
    const { browser, web, seeded } = ctx;
    const { context, page } = await newPage(browser);
    await signIn(page, web, seeded.emails.researcher);
    const projectId = await createProjectInWizard(
      page,
      web,
      {
        name: "Arena setup study",
        guidelines: "Vote for the more helpful answer.",
        aspects: [],
        arena: true,
      },
      async (step) => {
        if (step === "basics") await shot(page, "wizard-arena-basics-desktop-light");
      },
    );
    const api = await ApiClient.signIn(new URL(web).origin, seeded.emails.researcher);
    const read = async () => (await api.json<{ project: TProject }>("GET", `/projects/${projectId}`)).project;
    const created = await read();
    assert(
      created.mode === "arena" && created.taskType === "pairwise",
      `an arena project: ${created.mode} ${created.taskType}`,
    );

    await page.goto(`${web}/projects/${projectId}/settings`);
    const arena = page.getByTestId("arena-fields");
    await arena.waitFor();
    assert(
      (await page.getByRole("link", { name: "Manage generators →" }).getAttribute("href")) ===
        `/projects/${projectId}/generators`,
      "the arena section leads to the project's generators",
    );
    await page.getByTestId("arena-generators").getByText("It has none yet.").waitFor();
    assert(
      (await arena.getByRole("list", { name: "Screening phrases" }).getByRole("listitem").count()) ===
        DEFAULT_SCREENING_PATTERNS.length,
      "the screening list starts with the defaults",
    );

    // A bad value is marked at its field, and nothing is saved.
    const maxTurns = page.getByLabel("Turns per battle");
    await maxTurns.fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Some values need attention").waitFor();
    assert((await maxTurns.getAttribute("aria-invalid")) === "true", "max turns is marked invalid");
    const note = page.locator(`#${await maxTurns.getAttribute("aria-describedby")}`);
    assert(/>=\s*1|at least|too small/i.test((await note.textContent()) ?? ""), "the error says why");
    await shot(page, "settings-arena-error-desktop-light");
    assert((await read()).arena.limits.maxTurns === 8, "an invalid value is not saved");

    // The values a researcher would set for a small, careful study.
    await maxTurns.fill("3");
    await page.getByLabel("Battles per day").fill("50");
    await page.getByRole("radio", { name: /From the project's prompts/ }).check();
    await page.getByLabel("Reveal the models after the vote").uncheck();
    await page.getByLabel("No limit").uncheck();
    await page.getByLabel("Token budget (tokens)").fill("250000");
    await page.getByRole("radio", { name: /Mask the name/ }).check();
    await page.getByRole("button", { name: "Remove “Bard”" }).click();
    await page.getByLabel("Add a screening phrase").fill("Acme Labs");
    await page.getByLabel("Add a screening phrase").press("Enter");
    await page.getByLabel("Add a refused phrase").fill("credit card number");
    await page.getByRole("button", { name: "Add to refused phrases" }).click();
    await page
      .getByLabel("Moderation endpoint (optional)")
      .fill("https://moderation.example.com/v1/moderations");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved").waitFor();

    const saved = (await read()).arena;
    assert(
      saved.limits.maxTurns === 3 &&
        saved.limits.battlesPerDay === 50 &&
        saved.limits.tokenBudget === 250_000 &&
        saved.promptSource === "prompt-set" &&
        saved.revealModels === false,
      `the limits and prompt source are saved: ${JSON.stringify(saved)}`,
    );
    assert(
      saved.screening.action === "mask" &&
        saved.screening.patterns.includes("Acme Labs") &&
        !saved.screening.patterns.includes("Bard") &&
        saved.screening.patterns.length === DEFAULT_SCREENING_PATTERNS.length,
      `the screening is saved: ${JSON.stringify(saved.screening)}`,
    );
    assert(
      saved.moderation.patterns.join() === "credit card number" &&
        saved.moderation.endpointUrl === "https://moderation.example.com/v1/moderations",
      `the moderation is saved: ${JSON.stringify(saved.moderation)}`,
    );

    // The page shows what was saved after a reload, and the budget can go back to none.
    await page.reload();
    assert((await page.getByLabel("Turns per battle").inputValue()) === "3", "max turns reads back");
    assert(await page.getByRole("radio", { name: /Mask the name/ }).isChecked(), "the action reads back");
    await page.getByLabel("No limit").check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved").waitFor();
    assert((await read()).arena.limits.tokenBudget === null, "no limit is saved as null");

    await everyLook(ctx, await context.cookies(), `/projects/${projectId}/settings`, "settings-arena");
    // The section alone, readable at full size in a review.
    for (const viewport of ["desktop", "phone"] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const look = await newPage(browser, viewport, scheme);
        await look.context.addCookies(await context.cookies());
        await look.page.goto(`${web}/projects/${projectId}/settings`);
        await look.page.getByLabel("Turns per battle").fill("0");
        await look.page.getByRole("button", { name: "Save settings" }).click();
        await look.page.getByText("Some values need attention").waitFor();
        await look.page.getByTestId("arena-fields").screenshot({
          path: path.join(SCREENSHOT_DIR, `settings-arena-section-${viewport}-${scheme}.png`),
        });
        await look.page.getByTestId("mode-choice").screenshot({
          path: path.join(SCREENSHOT_DIR, `settings-mode-${viewport}-${scheme}.png`),
        });
        await look.context.close();
      }
    }
    await context.close();
  },
};
