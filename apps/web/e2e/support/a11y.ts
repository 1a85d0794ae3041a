import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

// WCAG 2.1 A and AA: the rules a public-sector crowd study is usually held to.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (!bad.length) return;
  const lines = bad.map(
    (v) =>
      `  ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("") ?? ""}`)
        .join("\n    ")}`,
  );
  throw new Error(`axe on ${label} (${page.url()}):\n${lines.join("\n")}`);
}

/**
 * Tabs through the first `presses` focusable elements and returns those without a visible
 * focus indicator (an outline or a box-shadow) — keyboard users must always see where they are.
 */
export async function focusWithoutRing(page: Page, presses = 12): Promise<string[]> {
  const missing: string[] = [];
  await page.locator("body").focus();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    const result = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
        (style.boxShadow !== "none" && style.boxShadow !== "");
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
      return ring ? "" : name;
    });
    if (result) missing.push(result);
  }
  return missing;
}
