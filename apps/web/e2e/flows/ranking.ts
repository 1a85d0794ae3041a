import { assert, currentAssignment, newPage, nextAssignment, screenshot, signIn } from "../support/browser";
import { judgmentsOf, rankingAsShown } from "./db-checks";
import type { Flow } from "./types";

export const rankingFlow: Flow = {
  name: "ranking of four: by keys with a tie, then by clicks and drag-and-drop",
  async run({ browser, web, db, seeded }) {
    const { context, page } = await newPage(browser, "desktop", "dark");
    await signIn(page, web, seeded.emails.annotator);
    await page.goto(`${web}/annotate/${seeded.ranking.id}`);
    const first = await currentAssignment(page);
    for (const key of ["3", "1", "t", "4", "2"]) await page.keyboard.press(key);
    await screenshot(page, "labeling-ranking-desktop-dark");
    await page.keyboard.press("Enter");
    const second = await nextAssignment(page, first);

    // Click responses into place, then drag D to the top.
    for (const key of ["A", "B", "C", "D"]) {
      await page
        .getByRole("button", { name: `Place response ${key} next` })
        .first()
        .click();
    }
    const ranking = page.getByTestId("ranking");
    await ranking.locator('[data-rank-chip="D"]').dragTo(ranking.locator("li").first());
    await page.getByTestId("submit").click();
    await page.getByTestId("done").waitFor();

    const stored = await judgmentsOf(db, seeded.emails.annotator);
    const byKeys = await rankingAsShown(
      db,
      stored.find((j) => j.assignment_id === first),
    );
    const byMouse = await rankingAsShown(
      db,
      stored.find((j) => j.assignment_id === second),
    );
    assert(
      JSON.stringify(byKeys) === JSON.stringify([["C"], ["A", "D"], ["B"]]),
      `keys: ${JSON.stringify(byKeys)}`,
    );
    assert(
      JSON.stringify(byMouse) === JSON.stringify([["D"], ["A"], ["B"], ["C"]]),
      `drag: ${JSON.stringify(byMouse)}`,
    );
    await context.close();
  },
};
