import { assert, currentAssignment, newPage, screenshot, signIn } from "../support/browser";
import type { Flow } from "./types";

export const untrustedOutputFlow: Flow = {
  name: "model output with <script>, <img onerror> and javascript: links renders inert, as text",
  async run({ browser, web, seeded }) {
    const { context, page } = await newPage(browser);
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await signIn(page, web, seeded.emails.annotator);
    await page.goto(`${web}/annotate/${seeded.xss.id}`);
    await currentAssignment(page);
    const item = page.locator("[data-assignment]");
    // The renderer arrives after the first paint (plain text until then): check what it made.
    await item.locator(".markdown a", { hasText: "click me" }).waitFor();
    assert((await item.locator('[data-markdown="plain"]').count()) === 0, "every block is rendered");
    await page.waitForTimeout(500);
    assert(dialogs === 0, "no dialog opened");
    assert(
      (await page.evaluate(() => (window as { __xss?: unknown }).__xss)) === undefined,
      "no payload ran",
    );
    assert((await item.locator("script").count()) === 0, "no script element in the item");
    assert((await item.locator("img").count()) === 0, "no img element in the item");
    const handlers = await item
      .locator("*")
      .evaluateAll((els) => els.flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith("on"))));
    assert(handlers.length === 0, `no event-handler attributes: ${handlers}`);
    const hrefs = await item.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    assert(!hrefs.some((h) => h.trim().toLowerCase().startsWith("javascript:")), `inert links: ${hrefs}`);
    const text = (await item.textContent()) ?? "";
    assert(text.includes("<script>window.__xss='script'"), "the raw HTML is shown as text");
    assert(text.includes("onerror"), "the img tag is shown as text");
    await item.getByText("click me").click();
    assert(
      (await page.evaluate(() => (window as { __xss?: unknown }).__xss)) === undefined,
      "clicking does nothing",
    );
    await screenshot(page, "labeling-untrusted-desktop-light");
    await context.close();
  },
};
