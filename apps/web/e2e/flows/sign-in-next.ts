import { assert, newPage } from "../support/browser";
import type { Flow } from "./types";

// `next` values that browsers resolve off the site although they look like paths: a backslash
// reads as a slash, a tab is dropped, so each becomes "//evil.example".
const HOSTILE = ["/%5Cevil.example/x", "/%09/evil.example"];

/** After sign-in the browser follows `next` only to a path of this origin. */
export const signInNextFlow: Flow = {
  name: "sign-in redirects: a next parameter that would leave the site is ignored, a path on it is followed",
  async run({ browser, web, admin, seeded }) {
    const { context, page } = await newPage(browser);
    // Should a redirect escape, it lands here at once instead of waiting on DNS.
    await context.route(/^https?:\/\/evil\.example\//, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<p>evil</p>" }),
    );
    const origin = new URL(web).origin;
    const signInWith = async (next: string) => {
      await page.goto(`${web}/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(admin.email);
      await page.getByLabel("Password").fill(admin.password);
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.waitForLoadState("domcontentloaded");
      return new URL(page.url());
    };
    const signOut = () => context.clearCookies();

    for (const next of HOSTILE) {
      const landed = await signInWith(next);
      assert(landed.origin === origin, `next=${next} stays on ${origin}, got ${landed.href}`);
      assert(landed.pathname === "/projects", `next=${next} falls back to the home page, got ${landed.href}`);
      await signOut();
    }
    const wanted = `/projects/${seeded.pairwise.id}?tab=1#top`;
    const landed = await signInWith(encodeURIComponent(wanted));
    assert(
      landed.origin === origin && `${landed.pathname}${landed.search}${landed.hash}` === wanted,
      `a path on this origin is followed: ${landed.href}`,
    );
    await context.close();
  },
};
