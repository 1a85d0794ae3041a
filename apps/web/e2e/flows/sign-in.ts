import { assert, newPage, screenshot, signIn } from "../support/browser";
import type { Flow } from "./types";

export const signInFlow: Flow = {
  name: "sign-in: bad password is refused, the admin lands on Projects with the right navigation",
  async run({ browser, web, admin }) {
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
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await context.close();
  },
};
