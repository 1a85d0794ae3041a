import { isDatabaseUnavailable, isNotFound, isUniqueViolation } from "@arbiter/db";
import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { HttpError } from "../lib/http-error";

type Reply = {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
};

function validationDetails(err: FastifyError & { validationContext?: string }) {
  return (err.validation ?? []).flatMap((v) => {
    const at = [err.validationContext, ...v.instancePath.split("/").filter(Boolean)].filter(Boolean);
    // Bodies are strict: each unknown field is named, so a client's typo never passes silently.
    const unknown = v.keyword === "unrecognized_keys" ? (v.params as { keys?: string[] }).keys : undefined;
    if (unknown?.length)
      return unknown.map((key) => ({ path: [...at, key].join("."), message: "is not a known field" }));
    return [{ path: at.join("."), message: v.message ?? "is invalid" }];
  });
}

function describe(err: FastifyError): Reply {
  if (err instanceof HttpError) {
    return {
      status: err.statusCode,
      code: err.code,
      message: err.message,
      details: err.details,
      headers: err.headers,
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = validationDetails(err);
    const first = details[0];
    return {
      status: 400,
      code: "validation_error",
      message: first ? `${first.path || "request"}: ${first.message}` : "Invalid request",
      details,
    };
  }
  if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return { status: 413, code: "payload_too_large", message: "The request body is too large" };
  }
  if (err.statusCode === 429) {
    return {
      status: 429,
      code: "rate_limited",
      message: err.message || "Too many requests",
      headers: { "retry-after": String((err as { retryAfter?: number }).retryAfter ?? 60) },
    };
  }
  if (isDatabaseUnavailable(err)) {
    return {
      status: 503,
      code: "service_unavailable",
      message: "The database is unavailable; retry shortly",
      headers: { "retry-after": "2" },
    };
  }
  if (isUniqueViolation(err)) return { status: 409, code: "conflict", message: "This already exists" };
  if (isNotFound(err)) return { status: 404, code: "not_found", message: "Not found" };
  if (isResponseSerializationError(err)) {
    return { status: 500, code: "internal_error", message: "Internal server error" };
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const code = err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "unsupported_media_type" : "bad_request";
    return { status: err.statusCode, code, message: err.message };
  }
  return { status: 500, code: "internal_error", message: "Internal server error" };
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const out = describe(err);
    if (out.status >= 500) request.log.error({ err }, "request failed");
    else request.log.info({ code: out.code, status: out.status }, out.message);
    if (out.headers) reply.headers(out.headers);
    return reply.status(out.status).send({
      error: {
        code: out.code,
        message: out.message,
        ...(out.details === undefined ? {} : { details: out.details }),
      },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: "not_found", message: `No route ${request.method} ${request.url}` } }),
  );
});
