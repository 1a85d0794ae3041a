import type { FastifyError, FastifyInstance } from "fastify";
import type { z } from "zod";

/** The error body OpenAI's API (and vLLM's) returns, which the `openai` SDK turns into APIError. */
export type TOpenAiError = {
  error: { message: string; type: string; param: string | null; code: string | null };
};

export class OpenAiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }

  body(): TOpenAiError {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function invalidRequest(message: string, param: string | null, code = "invalid_value"): OpenAiError {
  return new OpenAiError(400, message, "invalid_request_error", param, code);
}

export function fromZodError(error: z.ZodError): OpenAiError {
  const issue = error.issues[0]!;
  const param = issue.path.length > 0 ? issue.path.join(".") : null;
  return invalidRequest(param ? `${param}: ${issue.message}` : issue.message, param);
}

/** Every error leaves in OpenAI's shape, including Fastify's own (bad JSON, wrong content type). */
export function registerOpenAiErrors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | OpenAiError, request, reply) => {
    if (err instanceof OpenAiError) return reply.status(err.status).send(err.body());
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err }, "model server error");
      return reply.status(500).send(new OpenAiError(500, "internal error", "server_error").body());
    }
    return reply
      .status(status)
      .send(new OpenAiError(status, err.message, "invalid_request_error", null, err.code ?? null).body());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        new OpenAiError(
          404,
          `no route ${request.method} ${request.url}`,
          "invalid_request_error",
          null,
          "not_found",
        ).body(),
      ),
  );
}
