import { ensureTemplateDatabase } from "../src/testing";

export default async function setup() {
  await ensureTemplateDatabase();
}
