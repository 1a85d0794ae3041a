import { assert, currentAssignment, newPage, screenshot, signIn } from "../support/browser";
import type { Flow } from "./types";

export const errorStateFlow: Flow = {
  name: "an API outage shows an error with a retry that recovers",
  async run({ browser, web, seeded }) {
    const { context, page } = await newPage(browser, "desktop", "dark");
    await signIn(page, web, seeded.emails.phone);
    await page.route("**/api/v1/projects/*/assignments", (route) =>
      route.fulfill({
        status: 502,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "api_unreachable", message: "The Arbiter API is not reachable" },
        }),
      }),
    );
    await page.goto(`${web}/annotate/${seeded.pairwise.id}`);
    await page.getByText("Could not load an item").waitFor();
    await screenshot(page, "labeling-error-desktop-dark");
    await page.unroute("**/api/v1/projects/*/assignments");
    await page.getByRole("button", { name: "Try again" }).click();
    assert(await currentAssignment(page), "the item loads after the retry");
    await screenshot(page, "labeling-pairwise-desktop-dark");
    await context.close();
  },
};
