import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { freePort, waitForHttp } from "@arbiter/testkit";
import type { Page } from "playwright-core";
import { assert, newPage, screenshot, signIn } from "../support/browser";
import { startApp } from "../support/processes";
import type { Flow, FlowContext } from "./types";

type TReceived = { headers: IncomingHttpHeaders; body: string };

/** The pipeline's side: a local receiver on the port the API and the worker allow. */
async function startReceiver(port: number) {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { received, close: () => new Promise((r) => server.close(r)) };
}

/** A worker for the webhook queue only, under the run's Redis prefix, allowed to reach the receiver. */
async function startWebhookWorker(ctx: FlowContext) {
  const healthPort = await freePort();
  const proc = startApp("webhook-worker", "apps/worker/src/index.ts", {
    NODE_ENV: "test",
    DATABASE_URL: ctx.databaseUrl,
    REDIS_PREFIX: ctx.redisPrefix,
    WORKER_QUEUES: "webhook",
    WORKER_HEALTH_HOST: "127.0.0.1",
    WORKER_HEALTH_PORT: String(healthPort),
    GENERATOR_ALLOWED_HOSTS: `127.0.0.1:${ctx.webhookReceiverPort}`,
    WEBHOOK_DISPATCH_INTERVAL_MS: "200",
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: "4",
  });
  await waitForHttp(`http://127.0.0.1:${healthPort}/healthz`, { process: proc, timeoutMs: 120_000 });
  return proc;
}

/** Standard Webhooks verification from the spec, as a receiver would write it. */
function verified(secret: string, r: TReceived): boolean {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key)
    .update(`${r.headers["webhook-id"]}.${r.headers["webhook-timestamp"]}.${r.body}`)
    .digest("base64");
  return String(r.headers["webhook-signature"]).split(" ").includes(`v1,${expected}`);
}

async function waitForDelivered(page: Page) {
  const card = page.getByTestId("webhook-endpoint").first();
  for (let i = 0; i < 40; i++) {
    if ((await card.locator('[data-testid="delivery-row"][data-status="DELIVERED"]').count()) > 0) return;
    await page.waitForTimeout(250);
    await card.getByRole("button", { name: /deliveries/ }).click();
  }
  throw new Error("the test delivery never showed as delivered");
}

export const webhooksFlow: Flow = {
  name: "webhooks: a researcher adds an endpoint from the settings page, copies the secret once, sends a test event and sees it delivered (signed) in the log; admin page; desktop and phone, light and dark",
  async run(ctx) {
    const { browser, web, seeded } = ctx;
    const p = seeded.pairwise.id;
    const receiver = await startReceiver(ctx.webhookReceiverPort);
    const worker = await startWebhookWorker(ctx);
    try {
      const { context, page } = await newPage(browser, "desktop", "light");
      await signIn(page, web, seeded.emails.researcher);
      await page.goto(`${web}/projects/${p}/settings`);
      await page.getByRole("link", { name: "Webhooks" }).click();
      await page.waitForURL(`**/projects/${p}/webhooks`);
      await page.getByText("No webhook endpoints yet").waitFor();
      await screenshot(page, "webhooks-empty-desktop-light");

      await page.getByRole("button", { name: "Add endpoint" }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("URL").fill(`http://127.0.0.1:${ctx.webhookReceiverPort}/arbiter`);
      await dialog.getByLabel("Description").fill("Retrain on new data");
      await dialog.getByLabel("judgment.created").check();
      await screenshot(page, "webhooks-create-desktop-light");
      await dialog.getByRole("button", { name: "Create endpoint" }).click();
      const secret = (await page.getByTestId("new-secret-value").textContent())!.trim();
      assert(/^whsec_/.test(secret), `the secret is shown once at creation (${secret.slice(0, 6)})`);
      await screenshot(page, "webhooks-secret-desktop-light");
      await page.getByRole("button", { name: "I’ve saved it" }).click();
      assert((await page.getByTestId("new-secret").count()) === 0, "the secret is gone once saved");

      await page.getByRole("button", { name: "Send test event" }).click();
      await waitForDelivered(page);
      const row = page.locator('[data-testid="delivery-row"][data-status="DELIVERED"]').first();
      assert((await row.textContent())?.includes("webhook.test"), "the log names the event");
      assert((await row.textContent())?.includes("200"), "the log shows the receiver's status code");
      const got = receiver.received.find((r) => r.body.includes('"webhook.test"'));
      assert(got, "the receiver got the test event");
      assert(verified(secret, got), "its signature verifies with the secret shown once");
      await screenshot(page, "webhooks-log-desktop-light");
      await context.close();

      for (const [viewport, scheme] of [
        ["desktop", "dark"],
        ["phone", "light"],
        ["phone", "dark"],
      ] as const) {
        const { context: c, page: pg } = await newPage(browser, viewport, scheme);
        await signIn(pg, web, seeded.emails.researcher);
        await pg.goto(`${web}/projects/${p}/webhooks`);
        await pg.getByRole("button", { name: "Show deliveries" }).click();
        await pg.getByTestId("delivery-row").first().waitFor();
        const overflow = await pg.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 0, `no horizontal scrolling on ${viewport} (${overflow}px)`);
        await screenshot(pg, `webhooks-log-${viewport}-${scheme}`);
        await c.close();
      }

      const { context: adminContext, page: adminPage } = await newPage(browser, "desktop", "dark");
      await signIn(adminPage, web, ctx.admin.email, ctx.admin.password);
      await adminPage.goto(`${web}/admin/webhooks`);
      await adminPage.getByText("No webhook endpoints yet").waitFor();
      await screenshot(adminPage, "webhooks-admin-desktop-dark");
      await adminContext.close();
    } finally {
      await worker.stop();
      await receiver.close();
    }
  },
};
