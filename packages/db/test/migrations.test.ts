import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseName, migrateDatabase, quoteIdent, repoRoot, withDatabase } from "../src/migrate";
import { createTestDatabase, TEST_SERVER_URL, withAdmin } from "../src/testing";

describe("migrations", () => {
  const emptyName = `arbiter_migrate_${process.pid}_${Date.now()}`;
  const emptyUrl = withDatabase(TEST_SERVER_URL, emptyName);

  afterAll(async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(emptyName)} WITH (FORCE)`));
  });

  it("prisma migrate deploy applies every migration to an empty database", async () => {
    await withAdmin((c) => c.query(`CREATE DATABASE ${quoteIdent(emptyName)}`));
    await migrateDatabase(emptyUrl);
    const client = new pg.Client({ connectionString: emptyUrl });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          "users",
          "sessions",
          "api_keys",
          "pools",
          "pool_members",
          "invites",
          "projects",
          "project_pools",
          "prompts",
          "generators",
          "completions",
          "items",
          "item_completions",
          "assignments",
          "judgments",
          "generation_runs",
          "exports",
          "audit_events",
        ]),
      );
      const pending = await client.query(
        "SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NULL",
      );
      expect(pending.rows[0].n).toBe(0);
      expect(databaseName(emptyUrl)).toBe(emptyName);
    } finally {
      await client.end();
    }
  });

  it("the runtime client (engineType client + pg adapter) reads and writes", async () => {
    const db = await createTestDatabase();
    try {
      const user = await db.prisma.user.create({ data: { email: "a@example.com", name: "A" } });
      expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(user.role).toBe("ANNOTATOR");
      const again = await db.prisma.user.findUniqueOrThrow({ where: { email: "a@example.com" } });
      expect(again.id).toBe(user.id);
    } finally {
      await db.drop();
    }
  });

  it("completions are unique per prompt, generator and sample index", async () => {
    const db = await createTestDatabase();
    try {
      const owner = await db.prisma.user.create({
        data: { email: "o@example.com", name: "O", role: "RESEARCHER" },
      });
      const project = await db.prisma.project.create({
        data: { slug: "p", name: "P", questions: {}, createdById: owner.id },
      });
      const prompt = await db.prisma.prompt.create({
        data: { projectId: project.id, text: "hi", contentHash: "h" },
      });
      const generator = await db.prisma.generator.create({
        data: { projectId: project.id, name: "g", baseUrl: "http://x", model: "m" },
      });
      const data = {
        promptId: prompt.id,
        generatorId: generator.id,
        sampleIndex: 0,
        source: "GENERATED" as const,
        model: "m",
        text: "t",
      };
      await db.prisma.completion.create({ data });
      await expect(db.prisma.completion.create({ data })).rejects.toMatchObject({ code: "P2002" });
    } finally {
      await db.drop();
    }
  });

  it("generator_credentials clears api_key_env names outside ARBITER_GENERATOR_KEY_* and keeps the rest", async () => {
    const db = await createTestDatabase();
    try {
      const owner = await db.prisma.user.create({ data: { email: "k@example.com", name: "K" } });
      const project = await db.prisma.project.create({
        data: { slug: "k", name: "K", questions: {}, createdById: owner.id },
      });
      const names = ["DATABASE_URL", "ARBITER_SECRET", "VLLM_KEY", "ARBITER_GENERATOR_KEY_", null];
      const kept = ["ARBITER_GENERATOR_KEY_VLLM", "ARBITER_GENERATOR_KEY_A_1"];
      for (const apiKeyEnv of [...names, ...kept]) {
        await db.prisma.generator.create({
          data: {
            projectId: project.id,
            name: String(apiKeyEnv),
            baseUrl: "http://x",
            model: "m",
            apiKeyEnv,
          },
        });
      }
      // The migration's data step, as it ran on rows written before it (its DDL already ran here).
      const sql = readFileSync(
        path.join(repoRoot(), "prisma/migrations/20261205100000_generator_credentials/migration.sql"),
        "utf8",
      );
      await db.pool.query(sql.slice(sql.indexOf("UPDATE")));
      const { rows } = await db.pool.query<{ api_key_env: string | null }>(
        "SELECT api_key_env FROM generators WHERE api_key_env IS NOT NULL ORDER BY 1",
      );
      expect(rows.map((r) => r.api_key_env)).toEqual(kept.sort());
    } finally {
      await db.drop();
    }
  });
});
