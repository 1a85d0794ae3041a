import type { TExportPreview, TProject } from "@arbiter/shared";
import type { Page } from "playwright-core";
import { assert, newPage, screenshot, signIn } from "../support/browser";
import { ApiClient, PASSWORD } from "../support/seed";
import { judgeAll } from "./exports";
import type { Flow, FlowContext } from "./types";

/**
 * Creates an API key on /account/api-keys as the signed-in user and returns its token,
 * answering the password prompt when the session's last password check is too old.
 */
export async function createApiKey(
  page: Page,
  web: string,
  { name, expiry = "90", password = PASSWORD }: { name: string; expiry?: string; password?: string },
): Promise<string> {
  if (new URL(page.url()).pathname !== "/account/api-keys") await page.goto(`${web}/account/api-keys`);
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Expires").selectOption(expiry);
  await dialog.getByRole("button", { name: "Create key" }).click();
  const token = page.getByTestId("new-token-value");
  const prompt = dialog.getByLabel("Password");
  await Promise.race([token.waitFor(), prompt.waitFor()]);
  if (await prompt.isVisible()) {
    await prompt.fill(password);
    await dialog.getByRole("button", { name: "Confirm and create" }).click();
    await token.waitFor();
  }
  return (await token.textContent())!;
}

const me = (api: string, token: string) =>
  fetch(`${api}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

/** A project of two prompts, each judged once: "at least 3 judgments" leaves nothing. */
async function seedThinProject(ctx: FlowContext): Promise<TProject> {
  const admin = await ApiClient.signIn(ctx.api, ctx.admin.email, ctx.admin.password);
  const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
    name: "Thin data",
    poolIds: ctx.seeded.pairwise.poolIds,
    judgmentsPerItem: 1,
    questions: { strength: true },
  });
  await admin.json("POST", `/projects/${project.id}/members`, {
    email: ctx.seeded.emails.researcher,
    role: "RESEARCHER",
  });
  const { prompts } = await admin.json<{ prompts: { id: string }[] }>(
    "POST",
    `/projects/${project.id}/prompts`,
    {
      prompts: [{ text: "Name a prime number." }, { text: "Name a noble gas." }],
    },
  );
  await admin.json("POST", `/projects/${project.id}/items`, {
    items: prompts.map((p, i) => ({
      promptId: p.id,
      completions: [
        { text: i === 0 ? "Seven is prime, as it has no divisors but 1 and itself." : "Neon.", model: "a" },
        { text: "Nine.", model: "b" },
      ],
    })),
  });
  await judgeAll(ctx.api, ctx.db, ctx.seeded.emails.annotator, project.id, -1);
  return project;
}

async function shots(ctx: FlowContext, path: string, name: string, ready: (page: Page) => Promise<void>) {
  for (const viewport of ["desktop", "phone"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(ctx.browser, viewport, scheme);
      await signIn(page, ctx.web, ctx.seeded.emails.researcher);
      await page.goto(`${ctx.web}${path}`);
      await ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `${name} ${viewport}: no horizontal scrolling (${overflow}px)`);
      await screenshot(page, `${name}-${viewport}-${scheme}`);
      await context.close();
    }
  }
}

export const apiKeysFlow: Flow = {
  name: "api-keys: a researcher creates a key after a password prompt, copies it, uses it, sees its last use and revokes it; the export panel says why it has 0 rows",
  async run(ctx) {
    const { browser, web, api, db, seeded } = ctx;
    const { context, page } = await newPage(browser, "desktop", "light");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: web });
    await signIn(page, web, seeded.emails.researcher);
    // The sign-in was a password check; age it so that creating a key asks again.
    await db.pool.query(
      `UPDATE sessions SET password_checked_at = now() - interval '1 hour'
        WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [seeded.emails.researcher],
    );

    // Reached from the account menu in the header.
    await page.getByTestId("account-menu").click();
    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(`${web}/account/api-keys`);
    await page.getByRole("heading", { name: "No API keys yet" }).waitFor();
    await screenshot(page, "api-keys-empty-desktop-light");

    const token = await createApiKey(page, web, { name: "training cluster", expiry: "30" });
    assert(/^\S{20,}$/.test(token), `a token is shown once: ${token}`);
    await page.getByText("you won’t see it again").waitFor();
    await page.getByTestId("new-token").getByRole("button", { name: "Copy" }).click();
    await page.getByTestId("new-token").getByRole("button", { name: "Copied ✓" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert(copied === token, "the copy button copies the token");
    await screenshot(page, "api-keys-new-token-desktop-light");

    const used = await me(api, token);
    assert(used.status === 200, `the key works as a bearer token: ${used.status}`);
    await page.reload();
    assert((await page.getByTestId("new-token").count()) === 0, "the token is not shown again");
    const row = page.getByTestId("api-key-row").filter({ hasText: "training cluster" });
    const lastUsed = (await row.getByTestId("api-key-last-used").textContent()) ?? "";
    assert(lastUsed !== "Never", `the list shows the key's last use: ${lastUsed}`);
    assert((await row.getAttribute("data-status")) === "active", "the key is active");

    await shots(ctx, "/account/api-keys", "api-keys", (p) => p.getByTestId("api-key-row").first().waitFor());

    await row.getByRole("button", { name: "Revoke training cluster" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await page.locator('[data-testid="api-key-row"][data-status="revoked"]').waitFor();
    assert((await me(api, token)).status === 401, "a revoked key stops working");

    // The export panel: 0 rows comes with its reason, read from the preview's counts.
    const project = await seedThinProject(ctx);
    await page.goto(`${web}/projects/${project.id}/exports`);
    await page.getByLabel("Min judgments per item").fill("3");
    const reason = page.getByTestId("zero-rows-reason");
    await reason.waitFor();
    const text = (await reason.textContent()) ?? "";
    assert(text === "0 rows: all 2 items have fewer than 3 judgments.", `the 0-row reason: ${text}`);
    await page.locator('[data-reason="judgment:minJudgments"]').waitFor();
    // Without the minimum, rows come back; a split that would be empty is called out as the API counts it.
    await page.getByLabel("Min judgments per item").fill("");
    await page.getByTestId("preview-row").first().waitFor();
    const researcher = await ApiClient.signIn(api, seeded.emails.researcher);
    const { preview } = await researcher.json<{ preview: TExportPreview }>(
      "POST",
      `/projects/${project.id}/exports/preview`,
      { format: "trl", splits: { train: 0.9, test: 0.1 } },
    );
    const emptySplit = Object.values(preview.exact!.rows).some((n) => n === 0);
    assert(
      (await page.getByTestId("empty-split-warning").count()) === (emptySplit ? 1 : 0),
      "the empty-split warning shows exactly when a split gets no rows",
    );
    assert(await page.getByRole("button", { name: "Run export" }).isEnabled(), "the run stays possible");
    await context.close();

    // On a phone the account menu still reaches Account, API keys and sign-out.
    const phone = await newPage(browser, "phone", "dark");
    await signIn(phone.page, web, seeded.emails.researcher);
    await phone.page.getByTestId("account-menu").click();
    for (const link of ["Account and password", "API keys"])
      assert(await phone.page.getByRole("link", { name: link }).isVisible(), `${link} in the phone menu`);
    assert(
      await phone.page.getByRole("button", { name: "Sign out" }).isVisible(),
      "sign out in the phone menu",
    );
    await screenshot(phone.page, "account-menu-phone-dark");
    await phone.page.getByRole("link", { name: "API keys" }).click();
    await phone.page.waitForURL(`${web}/account/api-keys`);
    await phone.context.close();

    await shots(ctx, `/projects/${project.id}/exports`, "exports-reasons", async (p) => {
      await p.getByLabel("Min judgments per item").fill("3");
      await p.getByTestId("zero-rows-reason").waitFor();
      // On a phone the preview sits below the options.
      await p.getByTestId("export-preview").scrollIntoViewIfNeeded();
    });
  },
};
