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

export async function toApiError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as TErrorBody | null;
  const error = body?.error;
  return new ApiError(
    res.status,
    error?.code ?? `http_${res.status}`,
    error?.message ?? `The server answered ${res.status}`,
    error?.details,
  );
}

/**
 * Failures worth retrying with the same request: no answer at all (offline, proxy down)
 * or a server-side error. Only used for idempotent requests.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) return err.status >= 500 || err.status === 429;
  return err instanceof TypeError;
}
