import { assert, newPage, screenshot, signIn } from "../support/browser";
import { ApiClient, PASSWORD } from "../support/seed";
import type { Flow } from "./types";

const NEW_PASSWORD = "a fresh e2e passphrase";

async function status(base: string, path: string, cookie: string) {
  return (await fetch(`${base}/api/v1${path}`, { headers: { cookie, origin: base } })).status;
}

export const accountSecurityFlow: Flow = {
  name: "account: a password change signs out other sessions; a locked account is told when to retry",
  async run({ browser, web, api, admin }) {
    const root = await ApiClient.signIn(api, admin.email, admin.password);
    for (const email of ["changer@e2e.test", "locked@e2e.test"]) {
      await root.json("POST", "/users", { email, role: "ANNOTATOR", name: email, password: PASSWORD });
    }

    // Another device of the same user, signed in before the change.
    const laptop = await fetch(`${api}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: api },
      body: JSON.stringify({ email: "changer@e2e.test", password: PASSWORD }),
    });
    const laptopCookie = String(laptop.headers.get("set-cookie")).split(";")[0]!;
    assert((await status(api, "/me", laptopCookie)) === 200, "the laptop is signed in");

    const { context, page } = await newPage(browser);
    await signIn(page, web, "changer@e2e.test");
    await page.getByTestId("account-menu").click();
    await page.getByRole("link", { name: "Account and password" }).click();
    await page.waitForURL(`${web}/account`);
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("alert").getByText("The current password is incorrect").waitFor();

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    const done = page.getByRole("status");
    await done.getByText("1 other session signed out").waitFor();
    await screenshot(page, "account-password-changed-desktop-light");
    assert((await status(api, "/me", laptopCookie)) === 401, "the laptop's session has ended");
    // This browser got a fresh session and stays in.
    await page.reload();
    await page.getByRole("heading", { name: "Account" }).waitFor();
    assert(new URL(page.url()).pathname === "/account", "still signed in after the change");
    await context.close();

    // Ten wrong passwords from anywhere lock the account; the sign-in page says for how long.
    for (let i = 0; i < 10; i++) {
      await fetch(`${api}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: api },
        body: JSON.stringify({ email: "locked@e2e.test", password: `guess ${i}` }),
      });
    }
    const locked = await newPage(browser);
    await locked.page.goto(`${web}/sign-in`);
    await locked.page.getByLabel("Email").fill("locked@e2e.test");
    await locked.page.getByLabel("Password").fill(PASSWORD);
    await locked.page.keyboard.press("Enter");
    await locked.page
      .getByRole("alert")
      .getByText(/try again in \d+ seconds/)
      .waitFor();
    await screenshot(locked.page, "sign-in-locked-desktop-light");
    await locked.context.close();
  },
};
