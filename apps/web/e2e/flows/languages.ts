import type { Page } from "playwright-core";
import { assert, currentAssignment, newPage, screenshot } from "../support/browser";
import { PASSWORD } from "../support/seed";
import type { Flow } from "./types";

async function signInAs(page: Page, web: string, email: string) {
  await page.goto(`${web}/sign-in`);
  // By field name: the labels are in the page's language.
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

async function lang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/**
 * The annotator-facing pages follow the browser's language (German here), until the user
 * picks one: Spanish, kept on the account, wins over the browser on the next load.
 */
export const languagesFlow: Flow = {
  name: "languages: a German browser sees German; a user who picks Spanish keeps it",
  async run({ browser, web, seeded }) {
    const email = seeded.emails.polyglot;
    for (const [viewport, scheme] of [
      ["desktop", "light"],
      ["phone", "dark"],
    ] as const) {
      const { context, page } = await newPage(browser, viewport, scheme, "de-DE");
      await page.goto(`${web}/sign-in`);
      assert((await lang(page)) === "de", `html lang is de, got ${await lang(page)}`);
      await page.getByRole("heading", { name: "Anmelden" }).waitFor();
      await page.getByLabel("Passwort").waitFor();
      await screenshot(page, `sign-in-${viewport}-${scheme}-de`);
      await signInAs(page, web, email);
      await page.getByRole("heading", { name: "Annotieren" }).waitFor();
      await screenshot(page, `annotate-list-${viewport}-${scheme}-de`);

      await page.goto(`${web}/annotate/${seeded.pairwise.id}`);
      await currentAssignment(page);
      await page.getByRole("button", { name: /^A ist besser/ }).waitFor();
      assert(
        ((await page.getByTestId("progress").textContent()) ?? "").includes("bewertet"),
        "the counters are German",
      );
      await screenshot(page, `labeling-pairwise-${viewport}-${scheme}-de`);
      // Submit stays pressable while incomplete (aria-disabled), to say what is missing.
      await page.getByTestId("submit").dispatchEvent("click");
      await page.getByTestId("nudge").filter({ hasText: "Wählen Sie die bessere Antwort" }).waitFor();

      // The ranking project, or its "all caught up" state when earlier flows used up its items.
      await page.goto(`${web}/annotate/${seeded.ranking.id}`);
      await page.locator('[data-phase="ready"], [data-phase="done"]').waitFor();
      if ((await page.locator("[data-phase]").getAttribute("data-phase")) === "ready") {
        await page.getByText("Ihre Rangfolge, beste zuerst").waitFor();
        await screenshot(page, `labeling-ranking-${viewport}-${scheme}-de`);
      } else {
        await page.getByRole("heading", { name: "Alles erledigt" }).waitFor();
        await screenshot(page, `labeling-done-${viewport}-${scheme}-de`);
      }

      await page.goto(`${web}/join/no-such-study?PROLIFIC_PID=abc`);
      await page.getByTestId("join-problem").waitFor();
      await screenshot(page, `join-problem-${viewport}-${scheme}-de`);
      await context.close();
    }

    // Spanish, picked on the project list, follows the user whatever the browser says.
    const { context, page } = await newPage(browser, "desktop", "light", "de-DE");
    await signInAs(page, web, email);
    await page.getByTestId("language-picker").selectOption("es");
    await page.getByRole("heading", { name: "Anotar" }).waitFor();
    await context.close();

    const fresh = await newPage(browser, "desktop", "dark", "de-DE");
    await signInAs(fresh.page, web, email);
    await fresh.page.getByRole("heading", { name: "Anotar" }).waitFor();
    assert((await lang(fresh.page)) === "es", "the next load, on another device, is Spanish");
    await screenshot(fresh.page, "annotate-list-desktop-dark-es");
    await fresh.page.goto(`${web}/annotate/${seeded.pairwise.id}`);
    await currentAssignment(fresh.page);
    await fresh.page.getByRole("button", { name: /^A es mejor/ }).waitFor();
    await screenshot(fresh.page, "labeling-pairwise-desktop-dark-es");
    await fresh.page.goto(`${web}/account`);
    const picked = await fresh.page.getByTestId("language-picker").inputValue();
    assert(picked === "es", `the account page shows the choice, got ${picked}`);
    // Back to the browser's language, so the account ends as it began.
    await fresh.page.getByTestId("language-picker").selectOption("");
    await fresh.page.waitForFunction(() => document.documentElement.lang === "de");
    await fresh.context.close();
  },
};
