import { randomUUID } from "node:crypto";
import path from "node:path";
import type { TProject } from "@arbiter/shared";
import type { Cookie, Page } from "playwright-core";
import { assert, newPage, SCREENSHOT_DIR, signIn } from "../support/browser";
import { ApiClient, PASSWORD } from "../support/seed";
import type { Flow, FlowContext } from "./types";

export type WizardProject = {
  name: string;
  guidelines: string;
  aspects: { label: string; scale: number }[];
  judgmentsPerItem?: number;
  poolName?: string;
  /** Chooses "Live arena" on the first step. */
  arena?: boolean;
};

/** Full-page screenshots: the wizard and settings run past the fold. */
export async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Creates a project through /projects/new as the signed-in researcher or admin, step by
 * step, and returns its id once the project page is open. `onStep` sees each step (for
 * screenshots).
 */
export async function createProjectInWizard(
  page: Page,
  web: string,
  p: WizardProject,
  onStep: (step: string) => Promise<void> = async () => {},
): Promise<string> {
  await page.goto(`${web}/projects`);
  await page.getByRole("link", { name: "New project" }).first().click();
  await page.waitForURL((url) => url.pathname === "/projects/new");
  const next = () => page.getByRole("button", { name: "Next" }).click();
  const stepHeading = (name: string) => page.getByRole("heading", { name, exact: true }).waitFor();

  await stepHeading("Basics");
  await page.getByLabel("Project name").fill(p.name);
  if (p.arena) {
    await page.getByRole("radio", { name: /Live arena/ }).check();
    assert(
      await page.getByLabel("Comparison").isDisabled(),
      "an arena project is pairwise, no ranking offered",
    );
  }
  await onStep("basics");
  await next();

  await stepHeading("Questions");
  for (const [i, aspect] of p.aspects.entries()) {
    await page.getByRole("button", { name: "Add aspect" }).click();
    await page.getByLabel(`Aspect ${i + 1} label`).fill(aspect.label);
    await page.getByLabel(`Aspect ${i + 1} scale`).fill(String(aspect.scale));
  }
  await onStep("questions");
  await next();

  await stepHeading("Collection");
  if (p.judgmentsPerItem) await page.getByLabel("Judgments per item").fill(String(p.judgmentsPerItem));
  await onStep("collection");
  await next();

  await stepHeading("Guidelines");
  await page.getByLabel("Guidelines (markdown)").fill(p.guidelines);
  await onStep("guidelines");
  await next();

  await stepHeading("Pools");
  if (p.poolName) await page.getByLabel(p.poolName).check();
  await onStep("pools");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: p.name }).waitFor();
  return page.url().split("/").at(-1)!;
}

/** Attaches a pool from the project's settings page (changes at once). */
export async function attachPoolInSettings(page: Page, web: string, projectId: string, poolName: string) {
  await page.goto(`${web}/projects/${projectId}/settings`);
  await page.getByLabel("Attach a pool").selectOption({ label: poolName });
  await page.getByRole("button", { name: "Attach", exact: true }).click();
  await page.getByTestId("attached-pools").filter({ hasText: poolName }).waitFor();
}

/** One judgment through the API as `email`, the way the labeling page sends it. */
async function judgeOnce(web: string, email: string, projectId: string) {
  const base = new URL(web).origin;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = String(login.headers.get("set-cookie")).split(";")[0]!;
  const headers = { origin: base, cookie };
  const lease = await fetch(`${base}/api/v1/projects/${projectId}/assignments`, { method: "POST", headers });
  assert(lease.status === 201, `an item is leased: ${lease.status}`);
  const { assignment } = (await lease.json()) as { assignment: { id: string } };
  const res = await fetch(`${base}/api/v1/assignments/${assignment.id}/judgment`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ choice: "A", strength: 3 }),
  });
  assert(res.status === 201, `the judgment is stored: ${res.status} ${await res.text()}`);
}

/** The page at desktop and phone width, light and dark, signed in with these cookies. */
export async function everyLook(ctx: FlowContext, cookies: Cookie[], url: string, name: string) {
  for (const viewport of ["desktop", "phone"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(ctx.browser, viewport, scheme);
      await context.addCookies(cookies);
      await page.goto(`${ctx.web}${url}`);
      await page.waitForLoadState("networkidle");
      await shot(page, `${name}-${viewport}-${scheme}`);
      await context.close();
    }
  }
}

/**
 * A researcher sets a collection up in the browser: the wizard (guidelines with a live
 * preview, two aspects, a pool an admin granted), an annotator of that pool sees it at once,
 * guidelines are edited in settings, the questions lock with the reason once an answer
 * exists, and the project is duplicated and paused.
 */
export const projectSetupFlow: Flow = {
  name: "project setup: wizard with preview and pool, annotator sees it, settings edit, fixed questions, duplicate, pause",
  async run(ctx) {
    const { browser, web, seeded } = ctx;
    const admin = await ApiClient.signIn(new URL(web).origin, ctx.admin.email, ctx.admin.password);
    const { pools } = await admin.json<{ pools: { id: string; name: string }[] }>("GET", "/pools");
    const pool = pools.find((p) => p.name === "E2E annotators")!;
    // The search matches substrings (sso.researcher@… too): the exact address picks the researcher.
    const { users } = await admin.json<{ users: { id: string; email: string }[] }>(
      "GET",
      `/users?q=${encodeURIComponent(seeded.emails.researcher)}`,
    );
    const researcherId = users.find((u) => u.email === seeded.emails.researcher)!.id;
    await admin.json("PUT", `/pools/${pool.id}/attachers`, { userIds: [researcherId] });

    const { context: rContext, page: researcher } = await newPage(browser);
    await signIn(researcher, web, seeded.emails.researcher);
    const name = "Setup study";
    const projectId = await createProjectInWizard(
      researcher,
      web,
      {
        name,
        guidelines:
          "## Prefer the correct answer\n\nA **correct** answer beats a *polite* one.\n\n- check facts",
        aspects: [
          { label: "Clarity", scale: 5 },
          { label: "Factual accuracy", scale: 7 },
        ],
        judgmentsPerItem: 1,
        poolName: pool.name,
      },
      async (step) => {
        if (step === "guidelines") {
          const preview = researcher.getByTestId("guidelines-preview");
          await preview.getByRole("heading", { name: "Prefer the correct answer" }).waitFor();
          assert(
            (await preview.locator("strong").textContent()) === "correct",
            "the preview renders the markdown",
          );
          assert((await preview.locator("li").count()) === 1, "the preview renders the list");
        }
        await shot(researcher, `wizard-${step}-desktop-light`);
      },
    );
    const api = await ApiClient.signIn(new URL(web).origin, seeded.emails.researcher);
    const { project } = await api.json<{ project: TProject }>("GET", `/projects/${projectId}`);
    assert(
      project.questions.aspects.map((a) => `${a.key}:${a.scale}`).join() === "clarity:5,factual_accuracy:7",
      `two aspects saved: ${JSON.stringify(project.questions.aspects)}`,
    );
    assert(project.poolIds.join() === pool.id && project.myRole === "OWNER", "the pool is attached");

    // An annotator of the pool, in their own browser, sees the project at once.
    const { context: aContext, page: annotator } = await newPage(browser);
    await signIn(annotator, web, seeded.emails.annotator);
    await annotator.goto(`${web}/annotate`);
    await annotator.getByTestId("my-project").filter({ hasText: name }).waitFor();

    // Settings: the guidelines change and are saved.
    await researcher.goto(`${web}/projects/${projectId}/settings`);
    const guidelines = researcher.getByLabel("Guidelines (markdown)");
    await guidelines.fill("## Prefer the correct answer\n\nUpdated: **facts first**.");
    await researcher.getByTestId("guidelines-preview").getByText("facts first").waitFor();
    await researcher.getByRole("button", { name: "Save settings" }).click();
    await researcher.getByText("Settings saved").waitFor();
    await researcher.reload();
    assert(
      (await researcher.getByLabel("Guidelines (markdown)").inputValue()).includes("facts first"),
      "the guidelines are saved",
    );
    assert((await researcher.getByTestId("fixed-note").count()) === 0, "nothing is fixed before data");

    // Items, then one answer: the questions are fixed, with the reason and a way out.
    const { prompts } = await api.json<{ prompts: { id: string }[] }>(
      "POST",
      `/projects/${projectId}/prompts`,
      {
        prompts: [{ text: "Is the sky blue?" }, { text: "Name a prime." }],
      },
    );
    await api.json("POST", `/projects/${projectId}/items`, {
      items: prompts.map((p, i) => ({
        promptId: p.id,
        completions: [`First answer ${i}.`, `Second answer ${i}.`].map((text, k) => ({
          text,
          model: `m${k}`,
        })),
      })),
    });
    await judgeOnce(web, seeded.emails.annotator, projectId);
    await researcher.reload();
    const fixed = researcher
      .getByTestId("fixed-note")
      .filter({ hasText: "The question set is fixed once answers exist" });
    await fixed.waitFor();
    assert(await researcher.getByLabel("Allow a tie").isDisabled(), "the questions cannot be edited");
    assert(await researcher.getByLabel("Comparison").isDisabled(), "the task is fixed once items exist");
    assert(
      await researcher.getByRole("radio", { name: /Live arena/ }).isDisabled(),
      "the mode is fixed once items exist",
    );
    await researcher
      .getByTestId("fixed-note")
      .filter({ hasText: "The mode, the task type and K are fixed once items exist" })
      .waitFor();
    assert(await researcher.getByLabel("Guidelines (markdown)").isEnabled(), "the guidelines stay editable");
    await shot(researcher, "settings-fixed-desktop-light");
    const cookies = await rContext.cookies();
    await everyLook(ctx, cookies, `/projects/${projectId}/settings`, "project-settings");
    await everyLook(ctx, cookies, "/projects/new", "project-wizard");

    // Duplicate from the fixed note: a new project with the same questions, owned by the researcher.
    await fixed.getByRole("button", { name: "Duplicate to change" }).click();
    await researcher.getByLabel("Name of the copy").fill("Setup study, round two");
    await researcher.getByRole("dialog").getByRole("button", { name: "Duplicate", exact: true }).click();
    await researcher.waitForURL(
      (url) => url.pathname.startsWith("/projects/") && !url.pathname.includes(projectId),
    );
    await researcher.getByRole("heading", { level: 1, name: "Setup study, round two" }).waitFor();
    const copyId = researcher.url().split("/").at(-1)!;
    const { project: copy } = await api.json<{ project: TProject }>("GET", `/projects/${copyId}`);
    assert(
      copy.counts.items === 0 &&
        copy.questions.aspects.length === 2 &&
        copy.guidelines.includes("facts first"),
      "the copy has the settings, not the data",
    );

    // Pause: the annotator's list drops it.
    await researcher.goto(`${web}/projects/${projectId}`);
    await researcher.getByRole("button", { name: "Pause" }).click();
    await researcher.getByRole("button", { name: "Resume" }).waitFor();
    await researcher.getByText("Paused", { exact: true }).first().waitFor();
    await annotator.reload();
    await annotator.getByTestId("my-project").filter({ hasText: "Setup study, round two" }).waitFor();
    assert(
      (await annotator
        .getByTestId("my-project")
        .filter({ hasText: /^Setup study(?!,)/ })
        .count()) === 0,
      "a paused project leaves the annotator's list",
    );
    await everyLook(ctx, cookies, `/projects/${projectId}`, "project-page");
    await aContext.close();
    await rContext.close();

    // The admin's pool page lists the pool's projects.
    const { context: adContext, page: adminPage } = await newPage(browser);
    await signIn(adminPage, web, ctx.admin.email, ctx.admin.password);
    await adminPage.goto(`${web}/admin/pools/${pool.id}`);
    await adminPage.getByTestId("pool-project").filter({ hasText: name }).first().waitFor();
    await everyLook(ctx, await adContext.cookies(), `/admin/pools/${pool.id}`, "admin-pool-projects");
    await adContext.close();
  },
};
