import type { paths } from "@arbiter/client";
import createClient from "openapi-fetch";
import { ApiError, apiErrorOf } from "./api-error";

/**
 * The browser's typed client of the API, through the same-origin proxy (/api/v1): paths,
 * parameters, bodies and answers come from the API's OpenAPI document, so a wrong path or
 * field fails the build. The browser adds the session cookie and the Origin/Sec-Fetch-Site
 * headers that the API's CSRF check reads. It uses the generated paths as they are (not the
 * SDK's `ArbiterPaths`, where an Idempotency-Key may be left out because the SDK makes one):
 * the web makes its own keys, and the compiler keeps it from forgetting one.
 */
export const browserApi = createClient<paths>({
  baseUrl: "",
  headers: { accept: "application/json" },
  credentials: "same-origin",
  cache: "no-store",
  querySerializer: queryString,
});

/** An unset or empty filter is no filter: the forms leave a field "" when nothing is chosen. */
function queryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  return search.toString();
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * The answer's data (undefined on 204), or an ApiError. A 401 outside /auth/ means the session
 * has ended: the browser goes to sign in, and the caller still gets the error.
 */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.status === 401 && typeof window !== "undefined" && !isAuthRoute(response.url)) {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    throw new ApiError(401, "unauthenticated", "Your session has ended; sign in again");
  }
  if (!response.ok) throw apiErrorOf(response.status, error);
  return data as T;
}

// Signing in, and confirming a password, answer 401 for a wrong password: the form says so.
const isAuthRoute = (url: string) => new URL(url, window.location.href).pathname.startsWith("/api/v1/auth/");
