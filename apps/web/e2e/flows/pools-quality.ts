import type { TProject } from "@arbiter/shared";
import { freePort, waitForHttp } from "@arbiter/testkit";
import type { Cookie, Page } from "playwright-core";
import { assert, currentAssignment, newPage, screenshot, signIn } from "../support/browser";
import { startApp } from "../support/processes";
import { ApiClient } from "../support/seed";
import { judgmentsOf } from "./db-checks";
import type { Flow, FlowContext } from "./types";

const INVITEE = { name: "Ivy Invitee", email: "ivy@e2e.test", password: "ivy-password-123" };

/** A page in light and dark, signed in with the given session cookies. */
async function twoThemes(ctx: FlowContext, cookies: Cookie[], path: string, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    const { context, page } = await newPage(ctx.browser, "desktop", scheme);
    await context.addCookies(cookies);
    await page.goto(`${ctx.web}${path}`);
    await page.waitForLoadState("networkidle");
    await screenshot(page, `${name}-desktop-${scheme}`);
    await context.close();
  }
}

/** A worker for the adaptive queue only, under the run's Redis prefix, sweeping often. */
async function startAdaptiveWorker(ctx: FlowContext) {
  const healthPort = await freePort();
  const proc = startApp("adaptive-worker", "apps/worker/src/index.ts", {
    NODE_ENV: "test",
    DATABASE_URL: ctx.databaseUrl,
    REDIS_PREFIX: ctx.redisPrefix,
    WORKER_QUEUES: "adaptive",
    WORKER_HEALTH_HOST: "127.0.0.1",
    WORKER_HEALTH_PORT: String(healthPort),
    ADAPTIVE_SWEEP_INTERVAL_MS: "500",
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: "4",
  });
  await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: proc, timeoutMs: 120_000 });
  return proc;
}

/** The item on screen is judged with keys only: A = A is better, 3 = strength, Enter = submit. */
async function judgeByKeyboard(page: Page) {
  await currentAssignment(page);
  await page.keyboard.press("a");
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
}

/**
 * The admin side of pools and quality, end to end: an admin creates a pool and a one-use
 * invitation in the browser; a stranger opens the link, signs up and judges an item by
 * keyboard; the admin then finds them in the project's quality table and the audit log.
 * A second use of the link is refused, and a crowd participant from the Prolific link
 * the settings form shows gets the completion code once the quota is met.
 */
export const poolsQualityFlow: Flow = {
  name: "pools and quality: pool + invite in the browser, sign-up by link, keyboard judgment, quality table, audit log, crowd completion code",
  async run(ctx) {
    const { browser, web, db } = ctx;
    const { context: adminContext, page: admin } = await newPage(browser);
    await signIn(admin, web, ctx.admin.email, ctx.admin.password);
    const nav = (await admin.getByRole("navigation", { name: "Main" }).textContent()) ?? "";
    assert(
      ["Users", "Pools", "Audit log"].every((e) => nav.includes(e)),
      `admin navigation: ${nav}`,
    );

    await admin.goto(`${web}/admin/pools`);
    await admin.getByRole("button", { name: "New pool" }).click();
    await admin.getByLabel("Pool name").fill("Invited reviewers");
    await admin.getByRole("button", { name: "Create pool" }).click();
    await admin.waitForURL(/\/admin\/pools\/[0-9a-f-]{36}$/);
    const poolId = admin.url().split("/").at(-1)!;
    await admin.getByRole("heading", { name: "No members yet" }).waitFor();

    // A project that only this pool may enter.
    const api = await ApiClient.signIn(new URL(web).origin, ctx.admin.email, ctx.admin.password);
    const { project } = await api.json<{ project: TProject }>("POST", "/projects", {
      name: "Invited review",
      poolIds: [poolId],
      judgmentsPerItem: 1,
    });
    const { prompts } = await api.json<{ prompts: { id: string }[] }>(
      "POST",
      `/projects/${project.id}/prompts`,
      {
        prompts: ["Is water wet?", "Name a prime.", "Say hello.", "Count to three."].map((text) => ({
          text,
        })),
      },
    );
    await api.json("POST", `/projects/${project.id}/items`, {
      items: prompts.map((p, i) => ({
        promptId: p.id,
        completions: [`A first answer ${i}.`, `A second answer ${i}.`].map((text, k) => ({
          text,
          model: `m${k}`,
        })),
      })),
    });

    await admin.getByLabel("Uses").fill("1");
    await admin.getByRole("button", { name: "Create link" }).click();
    const link = (await admin.getByTestId("invite-url").textContent())?.trim() ?? "";
    assert(link.includes("/invite/"), `an invitation link is shown: ${link}`);
    await admin.getByTestId("invite-row").filter({ hasText: "Active" }).waitFor();
    await screenshot(admin, "admin-pool-invite-desktop-light");
    await admin.reload();
    assert((await admin.getByTestId("invite-url").count()) === 0, "the link is shown only once");

    // The invitee: their own browser, no account yet.
    const inviteUrl = `${web}${new URL(link).pathname}`;
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(browser, "phone", scheme);
      await page.goto(inviteUrl);
      await page.getByTestId("invite-pool").waitFor();
      await screenshot(page, `invite-phone-${scheme}`);
      await context.close();
    }
    const { context: guestContext, page: guest } = await newPage(browser);
    await guest.goto(inviteUrl);
    assert(
      (await guest.getByTestId("invite-pool").textContent()) === "Invited reviewers",
      "the pool is named",
    );
    await screenshot(guest, "invite-desktop-light");
    await guest.getByLabel("Your name").fill(INVITEE.name);
    await guest.getByLabel("Email").fill(INVITEE.email);
    await guest.getByLabel("Password").fill(INVITEE.password);
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    // Accepting signs nobody in: the invitee signs in with the new password, email prefilled.
    await guest.waitForURL((url) => url.pathname === "/sign-in");
    await guest.getByTestId("invite-pending").waitFor();
    assert(
      (await guest.getByLabel("Email").inputValue()) === INVITEE.email,
      "the sign-in form has the invitee's email",
    );
    await screenshot(guest, "invite-sign-in-desktop-light");
    await guest.getByLabel("Password").fill(INVITEE.password);
    await guest.keyboard.press("Enter");
    await guest.waitForURL((url) => url.pathname === "/annotate");
    await guest.getByTestId("my-project").filter({ hasText: "Invited review" }).waitFor();
    await guest.goto(`${web}/annotate/${project.id}`);
    await judgeByKeyboard(guest);
    await guest.getByTestId("progress").filter({ hasText: "1 judged" }).waitFor();
    const stored = await judgmentsOf(db, INVITEE.email);
    assert(
      stored.length === 1 && stored[0]!.choice === "A" && stored[0]!.strength === 3,
      "the answer is stored",
    );
    await guestContext.close();

    // A one-use link cannot be used twice.
    for (const viewport of ["desktop", "phone"] as const) {
      for (const scheme of ["light", "dark"] as const) {
        const { context, page } = await newPage(browser, viewport, scheme);
        await page.goto(inviteUrl);
        await page.getByTestId("invite-exhausted").waitFor();
        await screenshot(page, `invite-used-${viewport}-${scheme}`);
        await context.close();
      }
    }

    // An active selection rule makes the project adaptive: a worker on the adaptive queue
    // fits it and the quality page shows the model's estimate of the invitee.
    await api.json("PATCH", `/projects/${project.id}`, { selection: "label-confidence" });
    const adaptiveWorker = await startAdaptiveWorker(ctx);
    try {
      await admin.goto(`${web}/projects/${project.id}/quality`);
      const row = admin.getByTestId("quality-row").filter({ hasText: INVITEE.name });
      await row.waitFor();
      assert((await row.textContent())?.includes("Admitted"), "the invitee is admitted");
      await admin.getByTestId("adaptive-summary").waitFor();
      const estimate = admin.getByTestId("estimate-row").filter({ hasText: INVITEE.name });
      for (let attempt = 0; !(await estimate.count()) && attempt < 60; attempt++) {
        await admin.waitForTimeout(500);
        await admin.getByRole("button", { name: "Refresh" }).click();
      }
      const estimateText = (await estimate.textContent()) ?? "";
      assert(/\d+ %/.test(estimateText) && /–/.test(estimateText), `the invitee's estimate: ${estimateText}`);
      await admin
        .getByRole("img", { name: /95 % interval/ })
        .first()
        .waitFor();
      await screenshot(admin, "quality-desktop-light");
    } finally {
      await adaptiveWorker.stop();
    }

    // A member of the project (a viewer) knows annotators by name and export pseudonym, not email.
    await api.json("POST", `/projects/${project.id}/members`, {
      email: ctx.seeded.emails.researcher,
      role: "VIEWER",
    });
    for (const [viewport, scheme] of [
      ["desktop", "dark"],
      ["phone", "light"],
    ] as const) {
      const { context, page } = await newPage(browser, viewport, scheme);
      await signIn(page, web, ctx.seeded.emails.researcher);
      await page.goto(`${web}/projects/${project.id}/quality`);
      const theirs = page.getByTestId("quality-row").filter({ hasText: INVITEE.name });
      await theirs.waitFor();
      const text = (await theirs.textContent()) ?? "";
      assert(
        !text.includes(INVITEE.email) && /a_[0-9a-f]{16}/.test(text),
        `a researcher's quality row: ${text}`,
      );
      await screenshot(page, `quality-researcher-${viewport}-${scheme}`);
      await context.close();
    }

    await admin.goto(`${web}/admin/audit`);
    await admin.waitForLoadState("networkidle");
    await admin.getByLabel("Action").fill("invite.");
    await admin
      .getByTestId("audit-row")
      .filter({ hasText: "project.create" })
      .first()
      .waitFor({ state: "detached" });
    const accepted = admin.getByTestId("audit-row").filter({ hasText: "invite.accept" });
    await accepted.filter({ hasText: INVITEE.name }).first().waitFor();
    await admin
      .getByTestId("audit-row")
      .filter({ hasText: "invite.create" })
      .first()
      .getByRole("button", { name: "Show" })
      .click();
    await admin.getByText('"maxUses": 1').waitFor();
    await screenshot(admin, "audit-filtered-desktop-light");

    // Crowd: switch the platform on in the settings form, then enter as a Prolific participant.
    await admin.goto(`${web}/projects/${project.id}/quality`);
    await admin.getByLabel("Open this project to a crowd platform").check();
    await admin.getByLabel("Judgments per participant").fill("1");
    await admin.getByLabel("Completion code").fill("E2E-DONE-42");
    await admin.getByRole("button", { name: "Save settings" }).click();
    const studyLink = (await admin.getByTestId("prolific-link").textContent()) ?? "";
    assert(
      studyLink.includes(`/join/${project.slug}?PROLIFIC_PID={{%PROLIFIC_PID%}}`),
      `study link: ${studyLink}`,
    );
    const participantUrl = `${web}/join/${project.slug}?PROLIFIC_PID=e2e-participant&STUDY_ID=s1&SESSION_ID=x1`;
    const { context: crowdContext, page: crowd } = await newPage(browser, "phone");
    await crowd.goto(participantUrl);
    await crowd.waitForURL((url) => url.pathname === `/annotate/${project.id}`);
    await judgeByKeyboard(crowd);
    await crowd.getByTestId("completion-code").filter({ hasText: "E2E-DONE-42" }).waitFor();
    await screenshot(crowd, "labeling-completion-phone-light");
    await crowd.goto(participantUrl);
    await crowd.getByTestId("completion-code").filter({ hasText: "E2E-DONE-42" }).waitFor();
    await screenshot(crowd, "join-completion-phone-light");
    await crowdContext.close();
    const cookies = await adminContext.cookies();
    await adminContext.close();

    await twoThemes(ctx, cookies, "/admin/users", "admin-users");
    await twoThemes(ctx, cookies, "/admin/pools", "admin-pools");
    await twoThemes(ctx, cookies, `/admin/pools/${poolId}`, "admin-pool");
    await twoThemes(ctx, cookies, "/admin/audit", "admin-audit");
    await twoThemes(ctx, cookies, `/projects/${project.id}/quality`, "quality");
  },
};
