import type { TTestGeneratorResult } from "@arbiter/jobs";
import type pg from "pg";
import type { InferenceClient } from "../../inference/client";
import { classifyInferenceError } from "../../inference/errors";

const TEST_PROMPT = "Reply with one short sentence to confirm that you are reachable.";

/** One real, small request with the generator's own settings; reports latency or the error. */
export async function testGenerator(
  pool: pg.Pool,
  inference: InferenceClient,
  generatorId: string,
): Promise<TTestGeneratorResult> {
  const { rows } = await pool.query(
    "SELECT base_url, model, mode, params, api_key_env FROM generators WHERE id = $1 AND deleted_at IS NULL",
    [generatorId],
  );
  const row = rows[0];
  if (!row) return { ok: false, latencyMs: 0, error: "generator not found" };
  const started = performance.now();
  try {
    const result = await inference.complete(
      {
        baseUrl: row.base_url,
        model: row.model,
        mode: row.mode,
        params: row.params ?? {},
        apiKeyEnv: row.api_key_env,
      },
      { messages: null, text: TEST_PROMPT },
      { max_tokens: 16 },
    );
    return { ok: true, latencyMs: result.latencyMs, model: result.model || row.model, text: result.text };
  } catch (err) {
    const error = classifyInferenceError(err);
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
    };
  }
}
