import type { Page } from "playwright-core";
import { expectAccessible, focusWithoutRing } from "../support/a11y";
import { assert, newPage, signIn, type Viewport } from "../support/browser";
import type { Flow, FlowContext } from "./types";

type Visit = { path: string; label: string };

async function firstId(ctx: FlowContext, sql: string, params: unknown[] = []): Promise<string | undefined> {
  const { rows } = await ctx.db.pool.query<{ id: string }>(sql, params);
  return rows[0]?.id;
}

/** Every page of the app, with ids from what the earlier flows and the seed left behind. */
async function staffPages(ctx: FlowContext): Promise<Visit[]> {
  const p = ctx.seeded.pairwise.id;
  const pool = await firstId(ctx, "SELECT id FROM pools ORDER BY created_at LIMIT 1");
  const { rows: runs } = await ctx.db.pool.query<{ id: string; project_id: string }>(
    "SELECT id, project_id FROM generation_runs ORDER BY created_at LIMIT 1",
  );
  const pages: Visit[] = [
    { path: "/projects", label: "projects" },
    { path: `/projects/${p}`, label: "project" },
    { path: `/projects/${p}/analytics`, label: "analytics" },
    { path: `/projects/${p}/quality`, label: "quality" },
    { path: `/projects/${p}/exports`, label: "exports" },
    { path: `/projects/${p}/generators`, label: "generators" },
    { path: `/projects/${p}/runs`, label: "runs" },
    { path: `/projects/${p}/import`, label: "import" },
    { path: `/projects/${p}/items`, label: "items" },
    { path: `/projects/${p}/judgments`, label: "rationales" },
    { path: `/projects/${p}/settings`, label: "settings" },
    { path: `/projects/${p}/webhooks`, label: "webhooks" },
    { path: "/projects/new", label: "new project" },
    { path: "/account", label: "account" },
    { path: "/account/api-keys", label: "API keys" },
    { path: "/admin/users", label: "admin users" },
    { path: "/admin/pools", label: "admin pools" },
    { path: "/admin/audit", label: "audit log" },
    { path: "/admin/webhooks", label: "admin webhooks" },
    { path: "/no-such-page", label: "not found" },
  ];
  if (pool) pages.push({ path: `/admin/pools/${pool}`, label: "pool" });
  const item = await firstId(ctx, "SELECT id FROM items WHERE project_id = $1 ORDER BY created_at LIMIT 1", [
    p,
  ]);
  if (item) pages.push({ path: `/projects/${p}/items/${item}`, label: "item" });
  const run = runs[0];
  if (run) pages.push({ path: `/projects/${run.project_id}/runs/${run.id}`, label: "run" });
  return pages;
}

const annotatorPages = (ctx: FlowContext): Visit[] => [
  { path: "/annotate", label: "annotator projects" },
  { path: `/annotate/${ctx.seeded.pairwise.id}`, label: "labeling (pairwise)" },
  { path: `/annotate/${ctx.seeded.ranking.id}`, label: "labeling (ranking)" },
  { path: "/account", label: "annotator account" },
];

const signedOutPages = (ctx: FlowContext): Visit[] => [
  { path: "/sign-in", label: "sign-in" },
  { path: `/join/${ctx.seeded.pairwise.slug}`, label: "join" },
  { path: "/invite/not-a-real-token", label: "invite (unknown)" },
];

async function settle(page: Page) {
  // Client pages fetch after hydration; axe must see what the user sees, not a spinner. Pages
  // that poll (a running export or generation run) never go idle: 3 s is plenty for the rest.
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => {});
}

async function checkPages(
  failures: string[],
  ctx: FlowContext,
  who: string | null,
  pages: Visit[],
  viewport: Viewport,
  scheme: "light" | "dark",
) {
  const { context, page } = await newPage(ctx.browser, viewport, scheme);
  if (who) await signIn(page, ctx.web, who, who === ctx.admin.email ? ctx.admin.password : undefined);
  for (const visit of pages) {
    await page.goto(`${ctx.web}${visit.path}`);
    await settle(page);
    // Every page is checked before failing, so one run lists everything to fix.
    await expectAccessible(page, `${visit.label}, ${viewport} ${scheme}`).catch((err: Error) =>
      failures.push(err.message),
    );
  }
  await context.close();
}

export const accessibilityFlow: Flow = {
  name: "accessibility: axe finds no serious or critical violation on any page; focus is always visible",
  async run(ctx) {
    const staff = await staffPages(ctx);
    const failures: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      await checkPages(failures, ctx, ctx.admin.email, staff, "desktop", scheme);
      await checkPages(failures, ctx, ctx.seeded.emails.annotator, annotatorPages(ctx), "desktop", scheme);
      await checkPages(failures, ctx, null, signedOutPages(ctx), "desktop", scheme);
    }
    // The phone layout changes placement, not colours: one scheme finds what it can break.
    await checkPages(failures, ctx, ctx.seeded.emails.phone, annotatorPages(ctx), "phone", "dark");
    await checkPages(failures, ctx, null, signedOutPages(ctx), "phone", "light");
    assert(!failures.length, `${failures.length} pages with violations:\n${failures.join("\n")}`);

    // Keyboard: every element Tab reaches shows a focus ring, on a staff page and the labeling page.
    const { context, page } = await newPage(ctx.browser, "desktop", "dark");
    await signIn(page, ctx.web, ctx.seeded.emails.researcher);
    for (const path of [
      `/projects/${ctx.seeded.pairwise.id}`,
      `/projects/${ctx.seeded.pairwise.id}/exports`,
    ]) {
      await page.goto(`${ctx.web}${path}`);
      await settle(page);
      const missing = await focusWithoutRing(page);
      assert(!missing.length, `${path}: focus not visible on ${missing.join(", ")}`);
    }
    await context.close();
    const annotator = await newPage(ctx.browser, "desktop", "light");
    await signIn(annotator.page, ctx.web, ctx.seeded.emails.annotator);
    await annotator.page.goto(`${ctx.web}/annotate/${ctx.seeded.pairwise.id}`);
    await settle(annotator.page);
    const missing = await focusWithoutRing(annotator.page, 20);
    assert(!missing.length, `labeling page: focus not visible on ${missing.join(", ")}`);
    await annotator.context.close();
  },
};
