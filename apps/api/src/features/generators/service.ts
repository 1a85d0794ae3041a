import { randomUUID } from "node:crypto";
import type { Db, Generator, Prisma } from "@arbiter/db";
import {
  baseUrlProblem,
  credentialHint,
  deriveCredentialKey,
  egressPolicyFromEnv,
  encryptCredential,
  requestGeneratorTest,
  type TCredentialKey,
  type TEgressPolicy,
  type TTestGeneratorResult,
} from "@arbiter/jobs";
import {
  GENERATOR_FAILURES,
  type TCreateGeneratorBody,
  type TGenerator,
  type TGeneratorTestResponse,
  type TUpdateGeneratorBody,
  ZGeneratorFailure,
} from "@arbiter/shared";
import type { FastifyRequest } from "fastify";
import type { TApiEnv } from "../../env";
import { audit } from "../../lib/audit";
import { badRequest, HttpError, notFound } from "../../lib/http-error";
import type { Queues } from "../../plugins/queues";
import { assertProject } from "../projects/access";

const TEST_TIMEOUT_MS = 30_000;

export function serializeGenerator(g: Generator): TGenerator {
  return {
    id: g.id,
    projectId: g.projectId,
    name: g.name,
    baseUrl: g.baseUrl,
    model: g.model,
    mode: g.mode === "CHAT" ? "chat" : "completion",
    params: g.params as Record<string, unknown>,
    apiKeySet: g.apiKeyCiphertext !== null,
    apiKeyLast4: g.apiKeyCiphertext !== null ? g.apiKeyLast4 : null,
    apiKeyEnv: g.apiKeyEnv,
    concurrency: g.concurrency,
    requestsPerMinute: g.requestsPerMinute,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

const toMode = (mode: "chat" | "completion") => (mode === "chat" ? "CHAT" : "COMPLETION");

/** What creating or editing a generator needs from the configuration: the key that encrypts
 * stored API keys, and the egress policy base URLs must meet. Derive once, at start-up. */
export type GeneratorSettings = { key: TCredentialKey; policy: TEgressPolicy };

export function generatorSettings(
  config: Pick<
    TApiEnv,
    "ARBITER_ENCRYPTION_KEY" | "ARBITER_SECRET" | "GENERATOR_ALLOWED_HOSTS" | "GENERATOR_DENY_PRIVATE"
  >,
): GeneratorSettings {
  return { key: deriveCredentialKey(config), policy: egressPolicyFromEnv(config) };
}

/** The same rule the worker applies on connect, for what can be told before any request. */
function assertBaseUrl(settings: GeneratorSettings, baseUrl: string | undefined) {
  if (baseUrl === undefined) return;
  const problem = baseUrlProblem(baseUrl, settings.policy);
  if (problem) throw badRequest(`baseUrl: ${problem}`, [{ path: "body.baseUrl", message: problem }]);
}

/** The columns for a key given in a body: encrypted (bound to the generator), or cleared. */
function keyColumns(settings: GeneratorSettings, generatorId: string, apiKey: string | null | undefined) {
  if (apiKey === undefined) return {};
  if (apiKey === null) return { apiKeyCiphertext: null, apiKeyLast4: null };
  return {
    apiKeyCiphertext: new Uint8Array(encryptCredential(settings.key, generatorId, apiKey)),
    apiKeyLast4: credentialHint(apiKey),
  };
}

export async function createGenerator(
  db: Db,
  settings: GeneratorSettings,
  request: FastifyRequest,
  projectId: string,
  body: TCreateGeneratorBody,
) {
  await assertProject(db, projectId);
  assertBaseUrl(settings, body.baseUrl);
  // The id is chosen here so that the key can be encrypted for this generator only.
  const id = randomUUID();
  const generator = await db.prisma.$transaction(async (tx) => {
    const created = await tx.generator.create({
      data: {
        id,
        projectId,
        name: body.name,
        baseUrl: body.baseUrl,
        model: body.model,
        mode: toMode(body.mode),
        params: body.params as Prisma.InputJsonObject,
        apiKeyEnv: body.apiKeyEnv ?? null,
        ...keyColumns(settings, id, body.apiKey),
        concurrency: body.concurrency,
        requestsPerMinute: body.requestsPerMinute ?? null,
      },
    });
    await audit(tx, request, {
      action: "generator.create",
      targetType: "generator",
      targetId: created.id,
      data: { projectId, baseUrl: body.baseUrl, model: body.model, apiKeySet: Boolean(body.apiKey) },
    });
    return created;
  });
  return serializeGenerator(generator);
}

export async function listGenerators(db: Db, projectId: string) {
  await assertProject(db, projectId);
  const rows = await db.prisma.generator.findMany({
    where: { projectId, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(serializeGenerator);
}

export async function findGenerator(db: Db, projectId: string, generatorId: string) {
  const generator = await db.prisma.generator.findFirst({
    where: { id: generatorId, projectId, deletedAt: null },
  });
  if (!generator) throw notFound("Generator");
  return generator;
}

export async function updateGenerator(
  db: Db,
  settings: GeneratorSettings,
  request: FastifyRequest,
  projectId: string,
  generatorId: string,
  body: TUpdateGeneratorBody,
) {
  const current = await findGenerator(db, projectId, generatorId);
  assertBaseUrl(settings, body.baseUrl);
  // A stored key goes only where it was given for: whoever moves the generator to another
  // server (another researcher of the project, say) must give the key again, or remove it.
  if (
    body.baseUrl !== undefined &&
    body.apiKey === undefined &&
    current.apiKeyCiphertext !== null &&
    new URL(body.baseUrl).origin !== new URL(current.baseUrl).origin
  ) {
    const message =
      "give the key again (or null) when moving a generator with a stored key to another server";
    throw badRequest(`apiKey: ${message}`, [{ path: "body.apiKey", message }]);
  }
  const generator = await db.prisma.$transaction(async (tx) => {
    const updated = await tx.generator.update({
      where: { id: generatorId },
      data: {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.baseUrl === undefined ? {} : { baseUrl: body.baseUrl }),
        ...(body.model === undefined ? {} : { model: body.model }),
        ...(body.mode === undefined ? {} : { mode: toMode(body.mode) }),
        ...(body.params === undefined ? {} : { params: body.params as Prisma.InputJsonObject }),
        ...(body.apiKeyEnv === undefined ? {} : { apiKeyEnv: body.apiKeyEnv }),
        ...keyColumns(settings, generatorId, body.apiKey),
        ...(body.concurrency === undefined ? {} : { concurrency: body.concurrency }),
        ...(body.requestsPerMinute === undefined ? {} : { requestsPerMinute: body.requestsPerMinute }),
      },
    });
    await audit(tx, request, {
      action: "generator.update",
      targetType: "generator",
      targetId: generatorId,
      data: { fields: Object.keys(body) },
    });
    return updated;
  });
  return serializeGenerator(generator);
}

/** Soft delete: completions keep pointing at the generator that produced them. */
export async function deleteGenerator(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  generatorId: string,
) {
  await findGenerator(db, projectId, generatorId);
  await db.prisma.$transaction(async (tx) => {
    await tx.generator.update({ where: { id: generatorId }, data: { deletedAt: new Date() } });
    await audit(tx, request, { action: "generator.delete", targetType: "generator", targetId: generatorId });
  });
}

/**
 * The test runs on a worker, which holds the keys; the API only waits for its answer and
 * passes on the failure class with its fixed message, never anything the model server said.
 */
export async function testGenerator(
  db: Db,
  queues: Pick<Queues, "get" | "events">,
  projectId: string,
  generatorId: string,
): Promise<TGeneratorTestResponse> {
  await findGenerator(db, projectId, generatorId);
  const queue = queues.get("generation");
  let result: TTestGeneratorResult | null;
  try {
    const events = await queues.events("generation");
    result = await requestGeneratorTest(queue, events, generatorId, TEST_TIMEOUT_MS);
  } catch (err) {
    const message = (err as Error).message ?? "";
    if (/timed out|Connection is closed|ECONNREFUSED|Stream isn't writeable/i.test(message)) {
      throw new HttpError(
        503,
        "worker_unavailable",
        "No worker answered the connection test; is the worker running?",
      );
    }
    throw err;
  }
  return testResponse(result);
}

export function testResponse(result: TTestGeneratorResult | null): TGeneratorTestResponse {
  const latencyMs = Math.max(0, Math.round(result?.latencyMs ?? 0));
  const status = typeof result?.status === "number" && Number.isInteger(result.status) ? result.status : null;
  if (result?.ok) return { ok: true, status: status ?? 200, latencyMs, model: result.model };
  const parsed = ZGeneratorFailure.safeParse(result?.error);
  const error = parsed.success ? parsed.data : "worker_error";
  return { ok: false, error, message: GENERATOR_FAILURES[error], status, latencyMs };
}
