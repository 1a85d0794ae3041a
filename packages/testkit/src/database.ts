// The implementation stays in @arbiter/db, whose own tests need it and which may not depend
// on this package; tests and benches of the apps take it from here with the rest of the kit.
export { createTestDatabase, ensureTemplateDatabase, type TestDatabase } from "@arbiter/db/testing";
