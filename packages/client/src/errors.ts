/** The API's error body: `{ error: { code, message, details? } }`. */
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** A non-2xx answer of the API, with the code, message and details the API gave. */
export class ArbiterError extends Error {
  override readonly name = "ArbiterError";

  constructor(
    readonly status: number,
    /** Machine-readable, e.g. `validation_error`, `not_found`, `forbidden`. */
    readonly code: string,
    message: string,
    /** For `validation_error`: `[{ path, message }]`, one per failing field. */
    readonly details: unknown,
    readonly response: Response,
  ) {
    super(message);
  }

  /** Builds the error from an answer whose body may or may not be the API's error shape. */
  static from(response: Response, body: unknown): ArbiterError {
    if (isErrorBody(body)) {
      const { code, message, details } = body.error;
      return new ArbiterError(response.status, code, message, details, response);
    }
    // A proxy in front of the API (or a route outside it) can answer with anything.
    const text = typeof body === "string" && body ? body.slice(0, 200) : response.statusText;
    return new ArbiterError(
      response.status,
      `http_${response.status}`,
      text || "Request failed",
      undefined,
      response,
    );
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/**
 * The data of an openapi-fetch result, or an ArbiterError for its error:
 * `const { project } = unwrap(await arbiter.POST("/api/v1/projects", { body }))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok)
    throw ArbiterError.from(result.response, result.error);
  return result.data as T;
}
