import { randomUUID } from "node:crypto";
import type { Generator, Prisma } from "@arbiter/db";
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
import type { FastifyInstance, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { badRequest, HttpError, notFound } from "../../lib/http-error";
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

const derived = new WeakMap<FastifyInstance, { key: TCredentialKey; policy: TEgressPolicy }>();
function settings(app: FastifyInstance) {
  let found = derived.get(app);
  if (!found) {
    found = { key: deriveCredentialKey(app.config), policy: egressPolicyFromEnv(app.config) };
    derived.set(app, found);
  }
  return found;
}

/** The same rule the worker applies on connect, for what can be told before any request. */
function assertBaseUrl(app: FastifyInstance, baseUrl: string | undefined) {
  if (baseUrl === undefined) return;
  const problem = baseUrlProblem(baseUrl, settings(app).policy);
  if (problem) throw badRequest(`baseUrl: ${problem}`, [{ path: "body.baseUrl", message: problem }]);
}

/** The columns for a key given in a body: encrypted (bound to the generator), or cleared. */
function keyColumns(app: FastifyInstance, generatorId: string, apiKey: string | null | undefined) {
  if (apiKey === undefined) return {};
  if (apiKey === null) return { apiKeyCiphertext: null, apiKeyLast4: null };
  return {
    apiKeyCiphertext: new Uint8Array(encryptCredential(settings(app).key, generatorId, apiKey)),
    apiKeyLast4: credentialHint(apiKey),
  };
}

export async function createGenerator(
  app: FastifyInstance,
  request: FastifyRequest,
  projectId: string,
  body: TCreateGeneratorBody,
) {
  await assertProject(app.db, projectId);
  assertBaseUrl(app, body.baseUrl);
  // The id is chosen here so that the key can be encrypted for this generator only.
  const id = randomUUID();
  const generator = await app.db.prisma.$transaction(async (tx) => {
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
        ...keyColumns(app, id, body.apiKey),
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

export async function listGenerators(app: FastifyInstance, projectId: string) {
  await assertProject(app.db, projectId);
  const rows = await app.db.prisma.generator.findMany({
    where: { projectId, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(serializeGenerator);
}

export async function findGenerator(app: FastifyInstance, projectId: string, generatorId: string) {
  const generator = await app.db.prisma.generator.findFirst({
    where: { id: generatorId, projectId, deletedAt: null },
  });
  if (!generator) throw notFound("Generator");
  return generator;
}

export async function updateGenerator(
  app: FastifyInstance,
  request: FastifyRequest,
  projectId: string,
  generatorId: string,
  body: TUpdateGeneratorBody,
) {
  const current = await findGenerator(app, projectId, generatorId);
  assertBaseUrl(app, body.baseUrl);
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
  const generator = await app.db.prisma.$transaction(async (tx) => {
    const updated = await tx.generator.update({
      where: { id: generatorId },
      data: {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.baseUrl === undefined ? {} : { baseUrl: body.baseUrl }),
        ...(body.model === undefined ? {} : { model: body.model }),
        ...(body.mode === undefined ? {} : { mode: toMode(body.mode) }),
        ...(body.params === undefined ? {} : { params: body.params as Prisma.InputJsonObject }),
        ...(body.apiKeyEnv === undefined ? {} : { apiKeyEnv: body.apiKeyEnv }),
        ...keyColumns(app, generatorId, body.apiKey),
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
  app: FastifyInstance,
  request: FastifyRequest,
  projectId: string,
  generatorId: string,
) {
  await findGenerator(app, projectId, generatorId);
  await app.db.prisma.$transaction(async (tx) => {
    await tx.generator.update({ where: { id: generatorId }, data: { deletedAt: new Date() } });
    await audit(tx, request, { action: "generator.delete", targetType: "generator", targetId: generatorId });
  });
}

/**
 * The test runs on a worker, which holds the keys; the API only waits for its answer and
 * passes on the failure class with its fixed message, never anything the model server said.
 */
export async function testGenerator(
  app: FastifyInstance,
  projectId: string,
  generatorId: string,
): Promise<TGeneratorTestResponse> {
  await findGenerator(app, projectId, generatorId);
  const queue = app.queues.get("generation");
  let result: TTestGeneratorResult | null;
  try {
    const events = await app.queues.events("generation");
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
