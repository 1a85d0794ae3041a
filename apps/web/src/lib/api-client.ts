import { ApiError, toApiError } from "./api-error";

type Options = { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal };

/**
 * Browser-side call to the API through the same-origin proxy (/api/v1). The browser adds
 * the session cookie and the Origin/Sec-Fetch-Site headers that the API's CSRF check reads.
 * Resolves to null on 204.
 */
export async function api<T>(
  path: string,
  { method = "GET", body, headers, signal }: Options = {},
): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      accept: "application/json",
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  if (res.status === 401 && typeof window !== "undefined" && !path.startsWith("/auth/")) {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiError(401, "unauthenticated", "Your session has ended; sign in again");
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return null as T;
  return (await res.json()) as T;
}
