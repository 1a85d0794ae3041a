import {
  assert,
  countersMatchServer,
  currentAssignment,
  newPage,
  nextAssignment,
  screenshot,
  signIn,
} from "../support/browser";
import { ApiClient } from "../support/seed";
import { judgmentsOf } from "./db-checks";
import type { Flow } from "./types";

/**
 * An annotator works through the pairwise project with the keyboard only: three answers,
 * an undo, a reload in the middle of an item, a submit that fails on the network and is
 * retried with the same Idempotency-Key, and the "nothing left" state at the end. Each key
 * means one thing (digits are only strengths), Ctrl+Enter from the rationale with the
 * strength missing says so and moves there, and the counters follow the server after undo.
 */
export const annotateKeyboardFlow: Flow = {
  name: "annotate by keyboard: judge, undo, reload, retry after a network error, done",
  async run({ browser, web, db, seeded, admin }) {
    const email = seeded.emails.annotator;
    const { context, page } = await newPage(browser);
    await signIn(page, web, email);
    assert(new URL(page.url()).pathname === "/annotate", "annotators land on /annotate");
    const nav = (await page.getByRole("navigation", { name: "Main" }).textContent()) ?? "";
    assert(nav.trim() === "Annotate", `annotator navigation shows only Annotate: ${nav}`);
    await page.getByTestId("my-project").first().waitFor();
    await screenshot(page, "annotate-list-desktop-light");
    await page.goto(`${web}/annotate/${seeded.pairwise.id}`);

    const a1 = await currentAssignment(page);
    // A digit before a choice does nothing: digits are strengths, never choices.
    await page.keyboard.press("1");
    const aButton = page.getByRole("button", { name: /^A is better/ });
    assert((await aButton.getAttribute("aria-pressed")) === "false", "1 does not choose A");
    await page.keyboard.press("a");
    await page.keyboard.press("3");
    assert((await aButton.getAttribute("aria-pressed")) === "true", "A chooses A");
    assert(
      (await page.getByRole("button", { name: /Clear$/ }).getAttribute("aria-pressed")) === "true",
      "3 is the strength 'clear'",
    );
    assert(
      await page.locator("[data-testid=decision-bar] kbd").first().isVisible(),
      "key hints on a desktop",
    );
    await screenshot(page, "labeling-pairwise-desktop-light");
    await page.keyboard.press("Enter");
    const a2 = await nextAssignment(page, a1);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    const a3 = await nextAssignment(page, a2);
    await page.keyboard.press("t");
    await page.keyboard.press("Enter");
    const a4 = await nextAssignment(page, a3);

    let stored = await judgmentsOf(db, email);
    assert(stored.length === 3, `three judgments stored, got ${stored.length}`);
    assert(
      stored[0]!.assignment_id === a1 && stored[0]!.choice === "A" && stored[0]!.strength === 3,
      "A 3 = A, clear",
    );
    assert(stored[1]!.choice === "B" && stored[1]!.strength === 2, "→ 2 = B, slight");
    assert(stored[2]!.assignment_id === a3 && stored[2]!.choice === "tie", "T = tie");
    await page.getByTestId("progress").filter({ hasText: "3 judged" }).waitFor();
    await countersMatchServer(page, seeded.pairwise.id);
    // The acknowledgement has its own line in the answer bar, clear of every control.
    await page.getByTestId("status").filter({ hasText: "Answer saved" }).waitFor();
    await screenshot(page, "labeling-saved-desktop-light");

    // Undo brings the last item back with its answer filled in; the counters follow the server.
    await page.keyboard.press("u");
    await page.waitForFunction((id) => document.querySelector(`[data-assignment="${id}"]`), a3);
    await page.locator('[data-phase="ready"]').waitFor();
    const tie = page.getByRole("button", { name: /^Tie/ });
    assert((await tie.getAttribute("aria-pressed")) === "true", "the undone answer is restored");
    stored = await judgmentsOf(db, email);
    assert(stored[2]!.superseded, "the undone judgment is kept, marked superseded");
    await page.getByTestId("progress").filter({ hasText: "2 judged" }).waitFor();
    await countersMatchServer(page, seeded.pairwise.id);
    await page.keyboard.press("x");
    await page.keyboard.press("Enter");
    const again = await nextAssignment(page, a3);
    assert(again === a4, "the item leased before the undo comes next");

    // Ctrl+Enter from the rationale with the strength missing: says so, and moves focus there.
    await page.keyboard.press("b");
    await page.keyboard.press("r");
    await page.keyboard.type("B is tidier");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("nudge").filter({ hasText: "Say how much better" }).waitFor();
    const focused = await page.evaluate(() =>
      document.activeElement?.closest("[data-answer-part]")?.getAttribute("data-answer-part"),
    );
    assert(focused === "strength", `focus moved to the strength, got ${focused}`);
    assert(
      (await page.getByRole("textbox", { name: /Rationale/ }).inputValue()) === "B is tidier",
      "the rationale is kept",
    );
    await screenshot(page, "labeling-missing-strength-desktop-light");
    await page.getByRole("textbox", { name: /Rationale/ }).fill("");
    await page.keyboard.press("Escape");

    // A reload in the middle of an item shows the same assignment.
    await page.keyboard.press("a");
    await page.reload();
    assert((await currentAssignment(page)) === a4, "reload returns the same assignment");

    // The first submit never reaches the server; the retry carries the same key.
    const keys: string[] = [];
    page.on("request", (req) => {
      if (req.url().includes("/judgment")) keys.push(req.headers()["idempotency-key"] ?? "");
    });
    let failures = 0;
    await page.route("**/api/v1/assignments/*/judgment", async (route) => {
      if (failures++ === 0) return route.abort("internetdisconnected");
      return route.continue();
    });
    await page.keyboard.press("a");
    await page.keyboard.press("4");
    await page.keyboard.press("Enter");
    await page.getByTestId("retry-notice").waitFor();
    await screenshot(page, "labeling-retrying-desktop-light");
    const a5 = await nextAssignment(page, a4);
    await page.unroute("**/api/v1/assignments/*/judgment");
    assert(keys.length >= 2 && keys.every((k) => k === keys[0]), `retries reuse one key: ${keys.join(", ")}`);
    stored = await judgmentsOf(db, email);
    assert(stored.filter((j) => j.assignment_id === a4).length === 1, "the retried answer is stored once");
    assert(stored.find((j) => j.assignment_id === a4)?.idempotency_key === keys[0], "with the page's key");

    await page.keyboard.press("b");
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    await page.getByTestId("done").waitFor();
    assert(a5 !== a4, "five distinct items");
    await screenshot(page, "labeling-done-desktop-light");

    stored = await judgmentsOf(db, email);
    const live = stored.filter((j) => !j.superseded);
    assert(
      live.length === 5 && stored.length === 6,
      `5 live + 1 superseded, got ${live.length}/${stored.length}`,
    );
    const researcher = await ApiClient.signIn(new URL(web).origin, admin.email, admin.password);
    const { project } = await researcher.json<{ project: { counts: { judgments: number } } }>(
      "GET",
      `/projects/${seeded.pairwise.id}`,
    );
    assert(project.counts.judgments === 5, `the API counts 5 judgments, got ${project.counts.judgments}`);
    await context.close();
  },
};
