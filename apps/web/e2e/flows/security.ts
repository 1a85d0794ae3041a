import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { TProject } from "@arbiter/shared";
import type { Page } from "playwright-core";
import { assert, currentAssignment, newPage, signIn } from "../support/browser";
import { ApiClient } from "../support/seed";
import type { Flow, FlowContext } from "./types";

// Every way markdown could try to run code: raw tags, event handlers, javascript: and data:
// URLs in links and images. Each would set window.__xss if it ran.
const PAYLOADS = [
  "<script>window.__xss='script'</script>",
  "<img src=x onerror=\"window.__xss='img'\">",
  "<svg onload=\"window.__xss='svg'\"></svg>",
  "<iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
  "<details open ontoggle=\"window.__xss='toggle'\">toggle</details>",
  "[js link](javascript:window.__xss='link')",
  "[data link](data:text/html;base64,PHNjcmlwdD5vcGVuZXIuX194c3M9J2RhdGEnPC9zY3JpcHQ+)",
  "![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)",
  '<a href="data:text/html,<script>alert(1)</script>">raw data link</a>',
];
const HOSTILE = PAYLOADS.join("\n\n");

type Probe = Window & { __xss?: unknown; __csp?: string[] };

/** Records every CSP violation the page reports, from before its first script. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as Probe;
      w.__csp ??= [];
      w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
}
const violations = (page: Page) => page.evaluate(() => (window as Probe).__csp ?? []);
const xss = (page: Page) => page.evaluate(() => (window as Probe).__xss);

/** Nothing in `selector` can run: no active elements, no handlers, no script or data links. */
async function assertInert(page: Page, selector: string, what: string) {
  const region = page.locator(selector).first();
  await region.waitFor();
  const found = await region.evaluate((root) => ({
    active: root.querySelectorAll("script, img, svg, iframe, object, embed, details, form").length,
    handlers: [...root.querySelectorAll("*")].flatMap((el) =>
      el.getAttributeNames().filter((n) => n.toLowerCase().startsWith("on")),
    ),
    hrefs: [...root.querySelectorAll("[href], [src]")].map(
      (el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "",
    ),
    text: root.textContent ?? "",
  }));
  assert(found.active === 0, `${what}: no active elements`);
  assert(found.handlers.length === 0, `${what}: no event handlers (${found.handlers})`);
  const bad = found.hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h));
  assert(bad.length === 0, `${what}: no script or data URLs (${bad})`);
  assert(found.text.includes("<script>window.__xss='script'</script>"), `${what}: raw HTML shown as text`);
  for (const name of ["js link", "data link"]) {
    await region.getByText(name).first().click();
  }
  await page.waitForTimeout(300);
  assert((await xss(page)) === undefined, `${what}: no payload ran`);
}

async function assertHeaders(web: string) {
  const first = await fetch(`${web}/sign-in`);
  const csp = first.headers.get("content-security-policy") ?? "";
  const script = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  assert(/'nonce-[A-Za-z0-9+/=]{16,}'/.test(script), `script-src has a nonce: ${csp}`);
  assert(
    !script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"),
    `no unsafe script: ${csp}`,
  );
  assert(csp.includes("frame-ancestors 'none'") && csp.includes("object-src 'none'"), `framing: ${csp}`);
  assert(first.headers.get("x-frame-options") === "DENY", "X-Frame-Options DENY");
  assert(first.headers.get("x-content-type-options") === "nosniff", "nosniff");
  assert(first.headers.get("referrer-policy") === "same-origin", "Referrer-Policy");
  assert(first.headers.get("strict-transport-security") === null, "no HSTS over plain http");
  // Every script tag of the page carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(script)![1]!;
  const tags = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  assert(tags.length > 0, "the page has scripts");
  assert(
    tags.every((t) => t.includes(`nonce="${nonce}"`)),
    `every script has the nonce: ${tags.find((t) => !t.includes(nonce))}`,
  );
  const second = await fetch(`${web}/sign-in`);
  assert(!second.headers.get("content-security-policy")?.includes(nonce), "a fresh nonce per response");
  // Prefetches too (the router's and the browser's): a prefetched page is shown as fetched.
  const prefetches: Record<string, string>[] = [
    { "next-router-prefetch": "1" },
    { purpose: "prefetch" },
    { "sec-purpose": "prefetch" },
  ];
  for (const headers of prefetches) {
    const prefetch = await fetch(`${web}/sign-in`, { headers });
    const policy = prefetch.headers.get("content-security-policy") ?? "";
    assert(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/.test(policy),
      `a prefetch (${JSON.stringify(headers)}) carries the CSP: ${policy}`,
    );
  }
  const https = await fetch(`${web}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
  assert(https.headers.get("strict-transport-security")?.includes("max-age="), "HSTS behind https");
  assert(
    https.headers.get("content-security-policy")?.includes("upgrade-insecure-requests"),
    "https upgrades subresources",
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** What the browser downloads must hold no server-side secret or address. */
function assertNoSecretsInBundles(ctx: FlowContext) {
  const dir = path.resolve(import.meta.dirname, "../../.next/static");
  const secretEnv = Object.entries(process.env).filter(
    ([k, v]) => /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL|REDIS_URL/i.test(k) && v && v.length >= 8,
  );
  const needles = [ctx.admin.password, ...secretEnv.map(([, v]) => v!)];
  const patterns = [
    /postgres(ql)?:\/\/[^\s"'`]+@/,
    /rediss?:\/\/[^\s"'`]*@/,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\barb_[\w-]{8}_[\w-]{20,}/,
    /\bsk-[A-Za-z0-9]{20,}/,
    // The API's address is server-side only (the browser goes through /api).
    /127\.0\.0\.1:4000/,
  ];
  const files = filesUnder(dir).filter((f) => /\.(js|css|json|map|txt|html)$/.test(f));
  assert(files.length > 10, `bundles found in ${dir}`);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const needle of needles) assert(!text.includes(needle), `${file} holds a secret value`);
    for (const p of patterns) assert(!p.test(text), `${file} matches ${p}`);
  }
}

async function seedHostileProject(ctx: FlowContext): Promise<TProject> {
  const admin = await ApiClient.signIn(ctx.api, ctx.admin.email, ctx.admin.password);
  const { pools } = await admin.json<{ pools: { id: string; name: string }[] }>("GET", "/pools");
  const pool = pools.find((p) => p.name === "E2E annotators")!;
  const { project } = await admin.json<{ project: TProject }>("POST", "/projects", {
    name: "Hostile guidelines",
    poolIds: [pool.id],
    judgmentsPerItem: 1,
    guidelines: `## Rules\n\n${HOSTILE}`,
  });
  const { prompts } = await admin.json<{ prompts: { id: string }[] }>(
    "POST",
    `/projects/${project.id}/prompts`,
    {
      prompts: [{ text: `A prompt that fights back:\n\n${HOSTILE}` }],
    },
  );
  await admin.json("POST", `/projects/${project.id}/items`, {
    items: [
      {
        promptId: prompts[0]!.id,
        completions: [
          { text: "First answer.", model: "m-a" },
          { text: "Second answer.", model: "m-b" },
        ],
      },
    ],
  });
  return project;
}

export const securityFlow: Flow = {
  name: "CSP with nonces on every page, no CSP violations anywhere, hostile guidelines and prompts inert, no secrets in bundles",
  async run(ctx) {
    const { browser, web, seeded } = ctx;
    await assertHeaders(web);
    assertNoSecretsInBundles(ctx);
    const project = await seedHostileProject(ctx);

    const { context, page } = await newPage(browser);
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await watchViolations(page);

    // The annotator's view: guidelines open on a first visit, the prompt beside the answers.
    await signIn(page, web, seeded.emails.annotator);
    await page.goto(`${web}/annotate/${project.id}`);
    await currentAssignment(page);
    await assertInert(page, "#guidelines-body", "guidelines (labeling page)");
    await assertInert(page, 'section[aria-labelledby="prompt-heading"]', "prompt (labeling page)");
    assert((await violations(page)).length === 0, `no CSP violation: ${await violations(page)}`);

    // CSP is the second wall: a handler that got into the DOM anyway is refused by the browser.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img src="/no-such-image.png" onerror="window.__xss='slipped through'">`,
      ),
    );
    await page.waitForFunction(() => ((window as Probe).__csp ?? []).length > 0);
    assert((await xss(page)) === undefined, "an injected handler does not run");
    assert(
      (await violations(page)).some((v) => v.startsWith("script-src")),
      "the browser reported it",
    );
    await context.close();

    // Every page a researcher or admin uses loads and hydrates under the policy.
    const staff = await newPage(browser);
    staff.page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await watchViolations(staff.page);
    await signIn(staff.page, web, ctx.admin.email, ctx.admin.password);
    await staff.page.goto(`${web}/projects/${project.id}`);
    await assertInert(staff.page, ".markdown", "guidelines (project overview)");
    const pages = [
      "/projects",
      ...["", "/items", "/import", "/generators", "/runs", "/analytics", "/quality", "/exports"].map(
        (p) => `/projects/${seeded.pairwise.id}${p}`,
      ),
      "/admin",
      "/admin/users",
      "/admin/pools",
      "/admin/audit",
      "/annotate",
      "/account",
    ];
    for (const p of pages) {
      await staff.page.goto(`${web}${p}`);
      await staff.page.waitForLoadState("networkidle");
      const hydrated = await staff.page.evaluate(
        () => typeof (window as { next?: { version?: string } }).next?.version,
      );
      assert(hydrated === "string", `${p} hydrated`);
      const seen = await violations(staff.page);
      assert(seen.length === 0, `${p}: no CSP violation (${seen})`);
    }
    assert(dialogs === 0, "no dialog opened");
    await staff.context.close();
  },
};
