import type { Db } from "@arbiter/db";
import type { TTestIdp } from "@arbiter/testkit/oidc-provider";
import type { Browser } from "playwright-core";
import type { Seeded } from "../support/seed";

export type FlowContext = {
  browser: Browser;
  web: string;
  api: string;
  db: Db;
  seeded: Seeded;
  admin: { email: string; password: string };
  /** The development model server (OpenAI-compatible, ends in /v1) that the e2e worker calls. */
  modelServerUrl: string;
  /** Free, and allowed by the API's egress rule, for the arena flow's own (slowly streaming) model server. */
  arenaModelServerPort: number;
  /** The test database's URL and the run's BullMQ key prefix, for flows that start their own workers. */
  databaseUrl: string;
  redisPrefix: string;
  /** Free, and allowed by the API's egress rule, for the webhooks flow's receiver. */
  webhookReceiverPort: number;
  /** The OpenID provider the API's "lab" single sign-on points at, with the accounts in SSO_ACCOUNTS. */
  idp: TTestIdp;
};

export type Flow = { name: string; run: (ctx: FlowContext) => Promise<void> };
