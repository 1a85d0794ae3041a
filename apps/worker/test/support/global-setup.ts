import { ensureTemplateDatabase } from "@arbiter/db/testing";

export default async function setup() {
  await ensureTemplateDatabase();
}
