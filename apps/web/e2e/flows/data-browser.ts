import { randomUUID } from "node:crypto";
import type { Db } from "@arbiter/db";
import type { TProject } from "@arbiter/shared";
import { backdateAssignment } from "@arbiter/testkit";
import type { Browser, Page } from "playwright-core";
import { assert, newPage, screenshot, signIn } from "../support/browser";
import { ApiClient, PASSWORD } from "../support/seed";
import type { Flow, FlowContext } from "./types";

const PROMPTS: [string, string, string][] = [
  [
    "How do I store passwords?",
    "Hash them with a slow, salted hash such as argon2.",
    "Store them in a text file.",
  ],
  [
    "What is overfitting?",
    "Fitting noise in the training data, so the model generalises worse.",
    "Training too long.",
  ],
  ["Name a prime number.", "Seven.", "Nine."],
];
const RATIONALE = "The second answer recommends plaintext storage, which is unsafe.";

/** An annotator answers everything through the API; on the password prompt, a flag and a rationale. */
async function judgeAll(api: string, db: Db, email: string, projectId: string) {
  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: "POST",
    headers: { origin: api, "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const headers = { origin: api, cookie: String(login.headers.get("set-cookie")).split(";")[0]! };
  for (;;) {
    const res = await fetch(`${api}/api/v1/projects/${projectId}/assignments`, { method: "POST", headers });
    if (res.status === 204) return;
    assert(res.status === 201, `assignment for ${email}: ${res.status}`);
    const { assignment } = (await res.json()) as {
      assignment: { id: string; options: { key: string; text: string }[] };
    };
    const better = assignment.options.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const onPasswords = assignment.options.some((o) => o.text.includes("argon2"));
    const body =
      onPasswords && email.startsWith("annotator")
        ? { choice: better.key, strength: 3, rationale: RATIONALE, flags: ["unsafe"] }
        : { choice: better.key, strength: 2 };
    // A 15 s read, as the server measures it.
    await backdateAssignment(db.pool, assignment.id, 15_000);
    const judged = await fetch(`${api}/api/v1/assignments/${assignment.id}/judgment`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ ...body, durationMs: 15_000 }),
    });
    assert(judged.status === 201, `judgment: ${judged.status} ${await judged.text()}`);
  }
}

async function seedJudgedProject(ctx: FlowContext): Promise<TProject> {
  const admin = await ApiClient.signIn(ctx.api, ctx.admin.email, ctx.admin.password);
  const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
    name: "Security advice",
    poolIds: ctx.seeded.pairwise.poolIds,
    judgmentsPerItem: 2,
    questions: { strength: true, rationale: "optional", flags: ["unsafe", "off_topic"] },
  });
  await admin.json("POST", `/projects/${project.id}/members`, {
    email: ctx.seeded.emails.researcher,
    role: "OWNER",
  });
  const created = await admin.json<{ prompts: { id: string }[] }>("POST", `/projects/${project.id}/prompts`, {
    prompts: PROMPTS.map(([text]) => ({ text })),
  });
  await admin.json("POST", `/projects/${project.id}/items`, {
    items: created.prompts.map((p, i) => ({
      promptId: p.id,
      completions: [
        { text: PROMPTS[i]![1], model: "careful-7b" },
        { text: PROMPTS[i]![2], model: "hasty-7b" },
      ],
    })),
  });
  await judgeAll(ctx.api, ctx.db, ctx.seeded.emails.annotator, project.id);
  await judgeAll(ctx.api, ctx.db, ctx.seeded.emails.phone, project.id);
  return project;
}

// Steps the whole-journey test can reuse: each starts from the page it names.

/** From the items page: opens the item whose prompt preview contains `text`. */
export async function openItem(page: Page, text: string): Promise<void> {
  await page.getByTestId("item-row").filter({ hasText: text }).getByRole("link").click();
  await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name: "Prompt" }).waitFor();
}

/** On an item page: marks it gold with completion `position` (0-based) as the better one. */
export async function markGold(page: Page, position: number): Promise<void> {
  await page.getByRole("button", { name: "Mark as gold…" }).click();
  await page.locator(`input[name="gold-answer"][value="${position}"]`).check();
  await page.getByRole("dialog").getByRole("button", { name: "Mark as gold" }).click();
  await page.getByTestId("gold-answer").waitFor();
}

/** On an item page: retires it, then reopens it asking for `more` judgments. */
export async function retireAndReopen(page: Page, more = 1): Promise<void> {
  await page.getByRole("button", { name: "Retire…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Retire item" }).click();
  await page.getByText("Retired", { exact: true }).first().waitFor();
  await page.getByRole("button", { name: "Reopen…" }).click();
  await page.getByLabel("More judgments wanted").fill(String(more));
  await page.getByRole("dialog").getByRole("button", { name: "Reopen" }).click();
  await page.getByText("Open", { exact: true }).first().waitFor();
}

/** On the import page: pastes prompts one per line, checks and imports them; returns the report text. */
export async function pastePrompts(page: Page, lines: string[]): Promise<string> {
  await page.locator("label", { hasText: "Paste text" }).click();
  await page.locator("label", { hasText: "One prompt per line" }).click();
  await page.getByTestId("paste-text").fill(lines.join("\n"));
  await page.getByRole("button", { name: "Check text" }).click();
  await page.getByRole("button", { name: /^Import \d+ prompts?$/ }).click();
  const report = page.getByTestId("import-report").filter({ hasText: /^Imported/ });
  await report.waitFor();
  return (await report.textContent()) ?? "";
}

async function shoot(browser: Browser, web: string, email: string, url: string, name: string, ready: string) {
  for (const viewport of ["desktop", "phone"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(browser, viewport, scheme);
      await signIn(page, web, email, PASSWORD);
      await page.goto(url);
      await page.locator(ready).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `${name}: no horizontal scrolling on ${viewport} (${overflow}px)`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({
        width: viewport === "desktop" ? 1280 : 390,
        height: Math.min(height, 2400),
      });
      await screenshot(page, `data-${name}-${viewport}-${scheme}`);
      await context.close();
    }
  }
}

export const dataBrowserFlow: Flow = {
  name: "data browser: filter items, open one, gold, retire and reopen, search rationales, paste prompts",
  async run(ctx) {
    const { browser, web } = ctx;
    const project = await seedJudgedProject(ctx);
    const researcher = ctx.seeded.emails.researcher;
    const items = `${web}/projects/${project.id}/items`;
    const { context, page } = await newPage(browser);
    await signIn(page, web, researcher, PASSWORD);

    await page.goto(items);
    assert((await page.getByTestId("item-row").count()) === 3, "three items listed");
    await page.getByLabel("Flags", { exact: true }).selectOption("true");
    await page.waitForURL(/flagged=true/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-row"]').length === 1);
    await page.getByLabel("Status", { exact: true }).selectOption("DISABLED");
    await page.getByRole("heading", { name: "No retired, flagged items" }).waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="item-row"]').length === 3);
    // The URL holds the filters: a reload keeps them.
    await page.goto(`${items}?flagged=true`);
    assert((await page.getByTestId("item-row").count()) === 1, "flagged filter restored from the URL");

    await openItem(page, "store passwords");
    await page.getByText(RATIONALE).waitFor();
    assert((await page.getByTestId("judgment").count()) === 2, "both judgments shown");
    assert(!(await page.content()).includes("@e2e.test ("), "researchers see no annotator emails");
    const itemUrl = page.url();
    await markGold(page, 0);
    await retireAndReopen(page, 1);
    await page.getByText("2 of 3 judgments counted").waitFor();

    await page.goto(`${web}/projects/${project.id}/judgments`);
    await page.getByTestId("judgments-search").fill("plaintext");
    await page.waitForURL(/q=plaintext/);
    await page.getByTestId("judgment-result").filter({ hasText: RATIONALE }).waitFor();
    await page.getByTestId("judgments-search").fill("no such words anywhere");
    await page.getByRole("heading", { name: "No matching rationales or flags" }).waitFor();

    await page.goto(`${web}/projects/${project.id}/import`);
    const report = await pastePrompts(page, ["What is a salt?", "", "Why hash passwords?"]);
    assert(report.includes("Imported 2 prompts"), `two prompts imported: ${report}`);
    await context.close();

    await shoot(browser, web, researcher, `${items}?flagged=true`, "items", '[data-testid="item-row"]');
    await shoot(browser, web, researcher, itemUrl, "item", '[data-testid="judgment"]');
    await shoot(
      browser,
      web,
      researcher,
      `${web}/projects/${project.id}/judgments`,
      "rationales",
      '[data-testid="judgment-result"]',
    );
  },
};
