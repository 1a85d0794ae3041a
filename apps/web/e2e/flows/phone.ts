import type { Page } from "playwright-core";
import {
  assert,
  countersMatchServer,
  currentAssignment,
  newPage,
  nextAssignment,
  screenshot,
  signIn,
} from "../support/browser";
import { judgmentsOf } from "./db-checks";
import type { Flow } from "./types";

const VIEWPORT_HEIGHT = 844;

/** Controls on screen whose boxes intersect the given element's, other than its own. */
function controlsUnder(page: Page, testId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`)!;
    const box = el.getBoundingClientRect();
    return [...document.querySelectorAll("button, a, input, textarea, select")]
      .filter((c) => !el.contains(c) && c.getClientRects().length > 0)
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
      })
      .map((c) => c.textContent?.trim() || c.getAttribute("aria-label") || c.tagName);
  }, testId);
}

export const phoneFlow: Flow = {
  name: "phone width: responses stacked, answer bar pinned, no key hints, skip and judge by tapping",
  async run({ browser, web, db, seeded }) {
    for (const scheme of ["dark", "light"] as const) {
      const { context, page } = await newPage(browser, "phone", scheme);
      await signIn(page, web, seeded.emails.phone);
      await screenshot(page, `annotate-list-phone-${scheme}`);
      await page.goto(`${web}/annotate/${seeded.pairwise.id}`);
      const first = await currentAssignment(page);
      const a = (await page.getByTestId("option-A").boundingBox())!;
      const b = (await page.getByTestId("option-B").boundingBox())!;
      assert(b.y >= a.y + a.height, "options are stacked on a phone");
      assert(a.width > 330, `options use the width, got ${a.width}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
      // The answer bar is pinned: choices and Submit are on screen before any scrolling.
      for (const control of [
        page.getByRole("button", { name: /^A is better/ }),
        page.getByTestId("submit"),
      ]) {
        const box = (await control.boundingBox())!;
        assert(box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT, `reachable without scrolling: ${box.y}`);
      }
      const hints = await page
        .locator("kbd")
        .evaluateAll((els) => els.filter((e) => e.getClientRects().length));
      assert(hints.length === 0, `no key hints on a touch screen, saw ${hints.length}`);
      await screenshot(page, `labeling-pairwise-phone-${scheme}`);
      if (scheme === "dark") {
        await page.getByRole("button", { name: /^Skip/ }).tap();
        const second = await nextAssignment(page, first);
        await countersMatchServer(page, seeded.pairwise.id);
        // A long rationale: the bar stays on screen and, scrolled to the end, covers none of it.
        await page.getByRole("textbox", { name: /Rationale/ }).fill("A long reason.\n".repeat(30));
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const bar = (await page.getByTestId("decision-bar").boundingBox())!;
        const field = (await page.getByRole("textbox", { name: /Rationale/ }).boundingBox())!;
        assert(bar.y + bar.height <= VIEWPORT_HEIGHT, "the bar stays on screen");
        assert(
          field.y + field.height <= bar.y,
          `the bar covers none of the rationale (${field.y + field.height} > ${bar.y})`,
        );
        await screenshot(page, "labeling-long-rationale-phone-dark");
        await page.getByRole("textbox", { name: /Rationale/ }).fill("");
        await page.getByRole("button", { name: /^A is better/ }).tap();
        await page.getByRole("button", { name: "Clear" }).tap();
        await page.getByTestId("submit").scrollIntoViewIfNeeded();
        await screenshot(page, "labeling-answered-phone-dark");
        await page.getByTestId("submit").tap();
        await nextAssignment(page, second);
        // "Answer saved · Undo" sits on its own line in the bar, over no other control.
        await page.getByTestId("status").filter({ hasText: "Answer saved" }).waitFor();
        const covered = await controlsUnder(page, "status");
        assert(covered.length === 0, `the saved notice covers no control: ${covered.join(", ")}`);
        await screenshot(page, "labeling-saved-phone-dark");
        await countersMatchServer(page, seeded.pairwise.id);
        const stored = await judgmentsOf(db, seeded.emails.phone);
        assert(
          stored.length === 1 && stored[0]!.assignment_id === second,
          "one judgment, on the second item",
        );
        assert(stored[0]!.choice === "A" && stored[0]!.strength === 3, "tapped A, clear");
      }
      await context.close();
    }
    const { context, page } = await newPage(browser, "phone", "dark");
    await page.goto(`${web}/sign-in`);
    await screenshot(page, "sign-in-phone-dark");
    await context.close();
  },
};
