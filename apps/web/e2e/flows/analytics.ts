import { readFileSync } from "node:fs";
import { seedBradleyTerryProject } from "@arbiter/testkit";
import { assert, newPage, screenshot, signIn } from "../support/browser";
import { ApiClient } from "../support/seed";
import type { Flow } from "./types";

const CHARTS = ["judgments-per-day", "agreement", "position-length-bias", "leaderboard", "win-rate-matrix"];

/**
 * True strengths and typical answer lengths (words). The leader is far enough ahead that the
 * random draws never put another model first.
 */
const MODELS = [
  { name: "llama-3.1-70b", strength: 1.0, words: 220 },
  { name: "qwen2.5-72b", strength: 0.35, words: 260 },
  { name: "mistral-large", strength: 0.1, words: 180 },
  { name: "gemma-2-27b", strength: -0.25, words: 140 },
  { name: "phi-3-medium", strength: -0.6, words: 90 },
];

export const analyticsFlow: Flow = {
  name: "analytics dashboard: charts, tables, CSV, empty state; desktop and phone, light and dark",
  async run({ browser, web, api, db, admin }) {
    // Two weeks of collection: 400 items, the first 320 answered three times by twelve
    // annotators (8 % ties, a mild pull towards the option shown first), the rest open.
    const { projectId } = await seedBradleyTerryProject(db.pool, {
      judgments: 960,
      openItems: 80,
      models: MODELS,
      annotators: 12,
      tieRate: 0.08,
      firstShownBias: 0.15,
      days: 14,
      ownerEmail: admin.email,
      name: "Helpfulness, five models",
    });
    for (const viewport of ["desktop", "phone"] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const { context, page } = await newPage(browser, viewport, scheme);
        await signIn(page, web, admin.email, admin.password);
        await page.goto(`${web}/projects/${projectId}/analytics`);
        for (const chart of CHARTS) await page.locator(`[data-chart="${chart}"] svg`).first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 0, `no horizontal scrolling on ${viewport} (${overflow}px)`);
        await screenshot(page, `analytics-${viewport}-${scheme}`);
        // The whole page too, for review: the viewport shot shows only the top.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: viewport === "desktop" ? 1280 : 390, height });
        await screenshot(page, `analytics-${viewport}-full-${scheme}`);
        if (viewport === "desktop" && scheme === "light") {
          // The strongest seeded model leads; its numbers are one click away as a table and a CSV.
          const board = page.locator('[data-chart="leaderboard"]');
          const first = (await board.locator("tbody tr").first().textContent()) ?? "";
          assert(first.includes("llama-3.1-70b"), `strongest model first, got ${first}`);
          await board.getByRole("tab", { name: "Table" }).click();
          assert((await board.locator("tbody tr").count()) === 5, "five models in the leaderboard table");
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            board.getByRole("button", { name: /CSV/ }).click(),
          ]);
          const csv = readFileSync((await download.path())!, "utf8");
          assert(csv.startsWith("rank,model,rating,"), `leaderboard CSV header, got ${csv.slice(0, 40)}`);
          assert(csv.trim().split("\r\n").length === 6, "header and five rows");
        }
        await context.close();
      }
    }
    const client = await ApiClient.signIn(api, admin.email, admin.password);
    const empty = await client.json<{ project: { id: string } }>("POST", "/projects", {
      name: "Not started",
    });
    const { context, page } = await newPage(browser, "desktop", "dark");
    await signIn(page, web, admin.email, admin.password);
    await page.goto(`${web}/projects/${empty.project.id}/analytics`);
    await page.getByText("No judgments yet").waitFor();
    await screenshot(page, "analytics-empty-desktop-dark");
    await context.close();
  },
};
