import type { TTestGeneratorResult } from "@arbiter/jobs";
import type pg from "pg";
import type { InferenceClient } from "../../inference/client";
import { classifyInferenceError } from "../../inference/errors";

const TEST_PROMPT = "Reply with one short sentence to confirm that you are reachable.";

/**
 * One real, small request with the generator's own settings. The answer says whether it
 * worked, how long it took and the HTTP status, or the failure class: never the text of
 * the reply or of an error, which the researcher could otherwise read from any address the
 * worker reaches.
 */
export async function testGenerator(
  pool: pg.Pool,
  inference: Pick<InferenceClient, "complete">,
  generatorId: string,
): Promise<TTestGeneratorResult> {
  const { rows } = await pool.query(
    `SELECT id, base_url, model, mode, params, api_key_env, api_key_ciphertext
       FROM generators WHERE id = $1 AND deleted_at IS NULL`,
    [generatorId],
  );
  const row = rows[0];
  if (!row) return { ok: false, latencyMs: 0, error: "generator_missing" };
  const started = performance.now();
  try {
    const result = await inference.complete(
      {
        generatorId: row.id,
        baseUrl: row.base_url,
        model: row.model,
        mode: row.mode,
        params: row.params ?? {},
        apiKeyCiphertext: row.api_key_ciphertext,
        apiKeyEnv: row.api_key_env,
      },
      { messages: null, text: TEST_PROMPT },
      { max_tokens: 16 },
    );
    return { ok: true, latencyMs: result.latencyMs, model: row.model, status: result.status };
  } catch (err) {
    const error = classifyInferenceError(err);
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error.kind,
      ...(error.status === undefined ? {} : { status: error.status }),
    };
  }
}
