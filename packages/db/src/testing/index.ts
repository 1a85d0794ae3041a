export { createTestDatabase, ensureTemplateDatabase, type TestDatabase } from "./test-database";
