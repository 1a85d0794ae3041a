import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { deriveCredentialKey, encryptCredential } from "@arbiter/jobs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationFixture, type GenerationFixture } from "./support/generation";
import { startRecordingServer, type TRecordingServer } from "./support/recording-server";

const secret = (name: string) => `${name}-${randomBytes(12).toString("hex")}`;

// The worker's own secrets, as a deployment hands them to it.
const WORKER_SECRETS = {
  ARBITER_SECRET: secret("arbiter-secret"),
  ARBITER_ENCRYPTION_KEY: secret("encryption-key-of-32-characters-or-more"),
  ARBITER_ADMIN_PASSWORD: secret("admin-password"),
  ARBITER_GENERATOR_KEY_OPERATOR: secret("operator-key"),
};
// What the openai SDK would read from the process and send on its own.
const SDK_ENV = {
  OPENAI_API_KEY: secret("openai-api-key"),
  OPENAI_ADMIN_KEY: secret("openai-admin-key"),
  OPENAI_ORG_ID: secret("org"),
  OPENAI_PROJECT_ID: secret("proj"),
  OPENAI_CUSTOM_HEADERS: `X-Leak: ${secret("custom-header")}`,
  OPENAI_LOG: "debug",
};
const STORED_KEY = secret("sk-stored");

let f: GenerationFixture;
let recorder: TRecordingServer;
let workerEnv: Record<string, string>;
const logs: string[] = [];
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const [k, v] of Object.entries(SDK_ENV)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  f = await createGenerationFixture();
  recorder = await startRecordingServer();
  f.allowHosts(recorder.url);
  workerEnv = f.env(WORKER_SECRETS);
});
afterAll(async () => {
  await recorder?.close();
  await f?.close();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Every value of the worker's environment long enough to be a secret. */
function environmentValues(): [string, string][] {
  return Object.entries({ ...process.env, ...workerEnv })
    .filter((e): e is [string, string] => typeof e[1] === "string" && e[1].length >= 8)
    .concat(Object.entries(SDK_ENV));
}

async function addKeyed(projectId: string, columns: { apiKey?: string; apiKeyEnv?: string }) {
  const id = await f.addGenerator(projectId, { baseUrl: recorder.url, model: "recorded" });
  const key = deriveCredentialKey(WORKER_SECRETS);
  await f.db.pool.query(
    "UPDATE generators SET api_key_ciphertext = $2, api_key_last4 = $3, api_key_env = $4 WHERE id = $1",
    [
      id,
      columns.apiKey ? encryptCredential(key, id, columns.apiKey) : null,
      columns.apiKey ? columns.apiKey.slice(-4) : null,
      columns.apiKeyEnv ?? null,
    ],
  );
  return id;
}

describe("a generator's requests carry its own key and nothing of the worker's environment", () => {
  it("the stored key arrives as Bearer; no header holds any value of the worker's environment", async () => {
    const { projectId, userId } = await f.seedProject(3);
    const keyed = await addKeyed(projectId, { apiKey: STORED_KEY });
    // Rows written before names were limited (or straight into the database): the worker refuses them.
    const sneaky = await Promise.all(
      ["DATABASE_URL", "ARBITER_ADMIN_PASSWORD", "ARBITER_SECRET"].map((apiKeyEnv) =>
        addKeyed(projectId, { apiKeyEnv }),
      ),
    );
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const worker = f.startWorker(WORKER_SECRETS, { logger: pino({ level: "trace" }, sink) });
    try {
      const ok = await f.testGenerator(keyed);
      expect(ok).toMatchObject({ ok: true, status: 200, model: "recorded" });
      const runId = await f.startRun(projectId, userId, [keyed], 2);
      expect(await f.waitForRun(runId)).toMatchObject({ status: "SUCCEEDED", done: 6, failed: 0 });
      const keyedRequests = recorder.requests.length;
      expect(keyedRequests).toBe(7);
      for (const r of recorder.requests) expect(r.headers.authorization).toBe(`Bearer ${STORED_KEY}`);

      for (const id of sneaky) {
        const refused = await f.testGenerator(id);
        expect(refused).toMatchObject({ ok: false, error: "key_unavailable" });
      }
      const sneakyRun = await f.startRun(projectId, userId, sneaky, 1);
      expect(await f.waitForRun(sneakyRun)).toMatchObject({ status: "FAILED", done: 0, failed: 9 });
      // Refused before any request: the listener saw nothing more.
      expect(recorder.requests.length).toBe(keyedRequests);
    } finally {
      await worker.close();
    }

    const values = environmentValues();
    expect(values.length).toBeGreaterThan(10);
    for (const r of recorder.requests) {
      for (const [header, raw] of Object.entries(r.headers)) {
        const value = String(raw);
        for (const [name, envValue] of values) {
          // The base URL is the researcher's own input, and becomes the Host header.
          if (recorder.url.includes(envValue)) continue;
          expect(value.includes(envValue), `header ${header} carries ${name}`).toBe(false);
        }
      }
      expect(Object.keys(r.headers)).not.toContain("x-leak");
      expect(Object.keys(r.headers)).not.toContain("openai-organization");
    }

    // Nor do the logs (at trace level) or the stored errors show a key or a secret.
    const { rows } = await f.db.pool.query<{ error: string | null }>("SELECT error FROM generation_samples");
    const stored = rows.map((r) => r.error ?? "").join("\n");
    expect(stored).toMatch(/key_unavailable/);
    const written = logs.join("");
    for (const [name, value] of [...Object.entries(WORKER_SECRETS), ["STORED_KEY", STORED_KEY]]) {
      expect(written.includes(value!), `${name} in the logs`).toBe(false);
      expect(stored.includes(value!), `${name} in a stored error`).toBe(false);
    }
    expect(written.includes(workerEnv.DATABASE_URL!)).toBe(false);
  });
});
