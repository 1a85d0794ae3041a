import { readFileSync } from "node:fs";
import type { TMyData } from "@arbiter/shared";
import { assert, newPage, screenshot, signIn } from "../support/browser";
import { ApiClient, PASSWORD } from "../support/seed";
import type { Flow } from "./types";

const PERSON = { email: "erin.erase@e2e.test", name: "Erin Erase" };

export const erasureFlow: Flow = {
  name: "erasure: a person downloads the data held about them from their account page; an admin erases them, answers deleted, after typing their email",
  async run(ctx) {
    const { browser, web, api, db } = ctx;
    const admin = await ApiClient.signIn(api, ctx.admin.email, ctx.admin.password);
    await admin.json("POST", "/users", { ...PERSON, role: "ANNOTATOR", password: PASSWORD });

    // Their own copy, from the account page.
    for (const [viewport, scheme] of [
      ["desktop", "light"],
      ["phone", "dark"],
    ] as const) {
      const { context, page } = await newPage(browser, viewport, scheme);
      await signIn(page, web, PERSON.email);
      await page.goto(`${web}/account`);
      const link = page.getByRole("link", { name: "Download my data (JSON)" });
      await link.waitFor();
      await screenshot(page, `account-my-data-${viewport}-${scheme}`);
      if (viewport === "desktop") {
        const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
        assert(download.suggestedFilename() === "arbiter-my-data.json", "the file is named for what it is");
        const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as TMyData;
        assert(data.account.email === PERSON.email, "the download holds their account");
        assert(
          data.sessions.length > 0 && data.sessions.some((s) => s.userAgent),
          "and where they signed in",
        );
      }
      await context.close();
    }

    // The admin erases them from the users list.
    for (const [viewport, scheme] of [
      ["phone", "dark"],
      ["desktop", "light"],
    ] as const) {
      const { context, page } = await newPage(browser, viewport, scheme);
      await signIn(page, web, ctx.admin.email, ctx.admin.password);
      await page.goto(`${web}/admin/users?q=erin.erase`);
      const row = page.getByTestId("user-row").filter({ hasText: PERSON.email });
      await row.waitFor();
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `users ${viewport}: no horizontal scrolling (${overflow}px: ${wide.join(", ")})`);
      await row.getByRole("button", { name: "Erase…" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("heading", { name: `Erase ${PERSON.name}?` }).waitFor();
      const confirm = dialog.getByRole("button", { name: "Erase permanently" });
      assert(await confirm.isDisabled(), "nothing is erased before the email is typed");
      await dialog.getByLabel("Delete them").check();
      await dialog.getByLabel(`Type ${PERSON.email} to confirm`).fill(PERSON.email);
      assert(await confirm.isEnabled(), "the typed email enables erasure");
      const opened = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(opened <= 0, `users ${viewport}: the open dialog widens nothing (${opened}px)`);
      await screenshot(page, `erase-user-dialog-${viewport}-${scheme}`);
      if (viewport === "phone") {
        await context.close();
        continue;
      }
      await confirm.click();
      await page
        .getByTestId("user-row")
        .filter({ hasText: "Erased user" })
        .getByText("Erased")
        .first()
        .waitFor();
      await screenshot(page, "users-erased-desktop-light");
      await context.close();
    }

    const { rows } = await db.pool.query<{ erased_at: Date | null }>(
      "SELECT erased_at FROM users WHERE name = 'Erased user' AND email LIKE 'erased-%@erased.invalid'",
    );
    assert(rows.length === 1 && rows[0]!.erased_at, "the account is erased in the database");
    const gone = await db.pool.query("SELECT 1 FROM users WHERE email = $1", [PERSON.email]);
    assert(gone.rowCount === 0, "the email is nowhere in the users table");
    const record = await admin.json<{ events: { action: string; data: unknown }[] }>("GET", "/audit?limit=5");
    const erase = record.events.find((e) => e.action === "user.erase");
    assert(
      erase && !JSON.stringify(erase).includes(PERSON.email),
      "the audit log records the erasure without the email",
    );
  },
};
