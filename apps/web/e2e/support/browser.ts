import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { PASSWORD } from "./seed";

export const SCREENSHOT_DIR =
  process.env.E2E_SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, "../screenshots");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type Viewport = "desktop" | "phone";

export async function newPage(
  browser: Browser,
  viewport: Viewport = "desktop",
  colorScheme: "light" | "dark" = "light",
  /** The browser's language (Accept-Language and navigator.language); English unless a flow asks. */
  locale = "en-US",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: viewport === "desktop" ? { width: 1280, height: 800 } : { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: viewport === "phone",
    hasTouch: viewport === "phone",
    colorScheme,
    locale,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function signIn(page: Page, base: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The assignment on screen, once the page is ready for input. */
export async function currentAssignment(page: Page): Promise<string> {
  const item = page.locator("[data-assignment]");
  await page.locator('[data-phase="ready"]').waitFor();
  return (await item.getAttribute("data-assignment"))!;
}

/** Waits until a different assignment than `previous` is on screen and ready. */
export async function nextAssignment(page: Page, previous: string): Promise<string> {
  await page.waitForFunction((prev) => {
    const ready = document.querySelector('[data-phase="ready"] [data-assignment]');
    return ready && ready.getAttribute("data-assignment") !== prev;
  }, previous);
  return currentAssignment(page);
}

/**
 * The labeling page's counters ("judged", "left") settle on what the server says now: asked
 * through the page's own session, compared with the numbers and the words on screen.
 */
export async function countersMatchServer(page: Page, projectId: string): Promise<void> {
  const server = await page.evaluate(async (id) => {
    const res = await fetch(`/api/v1/me/progress?projectId=${id}`);
    return ((await res.json()) as { progress: { total: number; available: number } }).progress;
  }, projectId);
  await page.waitForFunction(
    ([judged, left]) => {
      const el = document.querySelector('[data-testid="progress"]');
      return (
        el?.getAttribute("data-judged") === String(judged) && el.getAttribute("data-left") === String(left)
      );
    },
    [server.total, server.available] as const,
  );
  const text = (await page.getByTestId("progress").textContent()) ?? "";
  assert(
    text.includes(`${server.total} judged`) && text.includes(`${server.available} left`),
    `counters read ${server.total} judged, ${server.available} left: ${text}`,
  );
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}
