import { assert, newPage, screenshot, signIn } from "../support/browser";
import { ApiClient, PASSWORD } from "../support/seed";
import type { Flow, FlowContext } from "./types";

const SUSPENDED = "suspended@e2e.test";

/** A suspended account hears so, but only with its right password; the admin's audit log links to it. */
async function suspendedAccount(ctx: FlowContext) {
  const { browser, web, api, admin } = ctx;
  const root = await ApiClient.signIn(api, admin.email, admin.password);
  const { user } = await root.json<{ user: { id: string } }>("POST", "/users", {
    email: SUSPENDED,
    role: "ANNOTATOR",
    name: "Sam Suspended",
    password: PASSWORD,
  });
  await root.json("PATCH", `/users/${user.id}`, { status: "SUSPENDED" });
  for (const viewport of ["desktop", "phone"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(browser, viewport, scheme);
      await page.goto(`${web}/sign-in`);
      await page.getByLabel("Email").fill(SUSPENDED);
      await page.getByLabel("Password").fill("not the password");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "incorrect" }).waitFor();
      await page.getByLabel("Password").fill(PASSWORD);
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "This account is suspended" }).waitFor();
      assert(new URL(page.url()).pathname === "/sign-in", "a suspended account stays signed out");
      await screenshot(page, `sign-in-suspended-${viewport}-${scheme}`);
      await context.close();
    }
  }
  // The audit log names the suspended person and links to them on the users page.
  for (const viewport of ["desktop", "phone"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      const { context, page } = await newPage(browser, viewport, scheme);
      await signIn(page, web, admin.email, admin.password);
      await page.goto(`${web}/admin/audit`);
      await page.getByLabel("Action").fill("user.suspend");
      const row = page.getByTestId("audit-row").filter({ hasText: "user.suspend" }).first();
      const target = row.getByTestId("audit-target").getByRole("link", { name: SUSPENDED });
      await target.waitFor();
      await screenshot(page, `audit-targets-${viewport}-${scheme}`);
      if (viewport === "desktop" && scheme === "light") {
        await target.click();
        await page.waitForURL(
          (url) => url.pathname === "/admin/users" && url.searchParams.get("q") === SUSPENDED,
        );
        await page.getByRole("cell", { name: SUSPENDED }).first().waitFor();
      }
      await context.close();
    }
  }
}

/** The accounts of the test identity provider the API's "lab" single sign-on points at. */
export const SSO_ACCOUNTS = {
  "sso-researcher": {
    email: "sso.researcher@e2e.test",
    email_verified: true,
    name: "Sasha Sso",
    groups: ["arbiter-researchers"],
  },
  "sso-unverified": { email: "sso.unverified@e2e.test", email_verified: false, name: "Uma", groups: [] },
};

/**
 * Each identity provider has its button; following it signs a researcher in at the provider
 * and back into Arbiter (a new account, role from the groups claim), and an email the
 * provider has not verified is refused with a message.
 */
async function singleSignOn(ctx: FlowContext) {
  const { browser, web, idp } = ctx;
  for (const viewport of ["desktop", "phone"] as const) {
    const { context, page } = await newPage(browser, viewport);
    await page.goto(`${web}/sign-in?next=%2Fprojects`);
    const button = page.getByRole("link", { name: "Sign in with Lab login" });
    await button.waitFor();
    assert(
      (await button.getAttribute("href")) === "/api/v1/auth/oidc/lab/start?next=%2Fprojects",
      "the button starts SSO and carries next",
    );
    await screenshot(page, `sign-in-sso-${viewport}-light`);
    if (viewport === "desktop") {
      idp.signInAs("sso-researcher");
      await button.click();
      await page.waitForURL((url) => url.origin === new URL(web).origin && url.pathname === "/projects");
      const nav = (await page.getByRole("navigation", { name: "Main" }).textContent()) ?? "";
      assert(nav.includes("Projects"), `an SSO researcher sees the researcher navigation: ${nav}`);
      await context.clearCookies();
      idp.signInAs("sso-unverified");
      await page.goto(`${web}/sign-in`);
      await page.getByRole("link", { name: "Sign in with Lab login" }).click();
      await page.waitForURL((url) => url.searchParams.get("error") === "sso_email_unverified");
      await page.getByRole("alert").filter({ hasText: "has not verified your email" }).waitFor();
      await screenshot(page, `sign-in-sso-refused-${viewport}-light`);
    }
    await context.close();
  }
}

export const signInFlow: Flow = {
  name: "sign-in: bad password is refused, a suspended account is told so, single sign-on through a real OpenID provider signs a researcher in and refuses an unverified email, the admin lands on Projects with the right navigation and signs out from the account menu",
  async run(ctx) {
    const { browser, web, admin } = ctx;
    const { context, page } = await newPage(browser);
    await page.goto(`${web}/annotate`);
    assert(new URL(page.url()).pathname === "/sign-in", "signed-out visitors are sent to sign in");
    await screenshot(page, "sign-in-desktop-light");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "incorrect" }).waitFor();
    await signIn(page, web, admin.email, admin.password);
    assert(new URL(page.url()).pathname === "/projects", `admin lands on /projects, got ${page.url()}`);
    const nav = (await page.getByRole("navigation", { name: "Main" }).textContent()) ?? "";
    assert(nav.includes("Projects") && nav.includes("Annotate"), `admin navigation: ${nav}`);
    await page.getByTestId("project-row").first().waitFor();
    await screenshot(page, "projects-desktop-light");
    await page.getByTestId("project-row").getByRole("link", { name: "Helpfulness" }).click();
    await page.getByText("Judgments per item").waitFor();
    await screenshot(page, "project-overview-desktop-light");
    await page.getByTestId("account-menu").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await context.close();
    await suspendedAccount(ctx);
    await singleSignOn(ctx);
  },
};
