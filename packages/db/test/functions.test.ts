import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionsIn, readFunctionFiles } from "../src/sql-functions";
import { createTestDatabase, type TestDatabase } from "../src/testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe("prisma/functions", () => {
  it("holds exactly what the migrations leave in the database, function by function", async () => {
    const files = readFunctionFiles();
    const migrated = await definitionsIn(db.pool);
    // Named first, so a missing or extra file reads as such rather than as a long text diff.
    expect([...files.keys()]).toEqual([...migrated.keys()]);
    for (const [fn, text] of migrated) {
      expect(
        files.get(fn),
        `prisma/functions/${fn}.sql differs from the migrated database: edit the file, then npm run db:functions -- migration <name>`,
      ).toBe(text);
    }
  });
});
