import { ensureTemplateDatabase } from "../src";

export default async function setup() {
  await ensureTemplateDatabase();
}
