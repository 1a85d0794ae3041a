import type { Db } from "@arbiter/db";
import type { Browser } from "playwright-core";
import type { Seeded } from "../support/seed";

export type FlowContext = {
  browser: Browser;
  web: string;
  api: string;
  db: Db;
  seeded: Seeded;
  admin: { email: string; password: string };
};

export type Flow = { name: string; run: (ctx: FlowContext) => Promise<void> };
