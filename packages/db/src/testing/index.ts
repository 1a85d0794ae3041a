export {
  createTestDatabase,
  ensureTemplateDatabase,
  TEST_SERVER_URL,
  type TestDatabase,
  withAdmin,
} from "./test-database";
