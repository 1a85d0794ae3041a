import { ensureTemplateDatabase } from "@arbiter/testkit";

export default async function setup() {
  await ensureTemplateDatabase();
}
