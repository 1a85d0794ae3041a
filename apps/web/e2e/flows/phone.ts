import { assert, currentAssignment, newPage, nextAssignment, screenshot, signIn } from "../support/browser";
import { judgmentsOf } from "./db-checks";
import type { Flow } from "./types";

export const phoneFlow: Flow = {
  name: "phone width: responses stacked, nothing overflows, skip and judge by tapping",
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
      await screenshot(page, `labeling-pairwise-phone-${scheme}`);
      if (scheme === "dark") {
        await page.getByRole("button", { name: /^Skip/ }).tap();
        const second = await nextAssignment(page, first);
        await page.getByRole("button", { name: /^A is better/ }).tap();
        await page.getByRole("button", { name: "Clear" }).tap();
        await page.getByTestId("submit").scrollIntoViewIfNeeded();
        await screenshot(page, "labeling-answered-phone-dark");
        await page.getByTestId("submit").tap();
        await nextAssignment(page, second);
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
