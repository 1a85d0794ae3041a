import type { Generator, Prisma } from "@arbiter/db";
import { requestGeneratorTest } from "@arbiter/jobs";
import type { TCreateGeneratorBody, TGenerator, TUpdateGeneratorBody } from "@arbiter/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { audit } from "../../lib/audit";
import { HttpError, notFound } from "../../lib/http-error";
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
    apiKeyEnv: g.apiKeyEnv,
    concurrency: g.concurrency,
    requestsPerMinute: g.requestsPerMinute,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

const toMode = (mode: "chat" | "completion") => (mode === "chat" ? "CHAT" : "COMPLETION");

export async function createGenerator(
  app: FastifyInstance,
  request: FastifyRequest,
  projectId: string,
  body: TCreateGeneratorBody,
) {
  await assertProject(app.db, projectId);
  const generator = await app.db.prisma.$transaction(async (tx) => {
    const created = await tx.generator.create({
      data: {
        projectId,
        name: body.name,
        baseUrl: body.baseUrl,
        model: body.model,
        mode: toMode(body.mode),
        params: body.params as Prisma.InputJsonObject,
        apiKeyEnv: body.apiKeyEnv ?? null,
        concurrency: body.concurrency,
        requestsPerMinute: body.requestsPerMinute ?? null,
      },
    });
    await audit(tx, request, {
      action: "generator.create",
      targetType: "generator",
      targetId: created.id,
      data: { projectId, baseUrl: body.baseUrl, model: body.model },
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
  await findGenerator(app, projectId, generatorId);
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

/** The test runs on a worker, which holds the API keys; the API only waits for its answer. */
export async function testGenerator(app: FastifyInstance, projectId: string, generatorId: string) {
  await findGenerator(app, projectId, generatorId);
  const queue = app.queues.get("generation");
  try {
    const events = await app.queues.events("generation");
    return await requestGeneratorTest(queue, events, generatorId, TEST_TIMEOUT_MS);
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
}
