import type { TErrorBody } from "@arbiter/shared";

/** An answer from the API that was not 2xx, in the API's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The error for a non-2xx answer whose body was already read (a proxy may answer with anything). */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as Partial<TErrorBody> | null | undefined)?.error;
  return new ApiError(
    status,
    error?.code ?? `http_${status}`,
    error?.message ?? `The server answered ${status}`,
    error?.details,
  );
}

export async function toApiError(res: Response): Promise<ApiError> {
  return apiErrorOf(res.status, await res.json().catch(() => null));
}

/**
 * Failures worth retrying with the same request: no answer at all (offline, proxy down)
 * or a server-side error. Only used for idempotent requests.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) return err.status >= 500 || err.status === 429;
  return err instanceof TypeError;
}
