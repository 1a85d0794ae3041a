import type { TUser } from "@arbiter/shared";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { toApiError } from "./api-error";
import { apiUrl } from "./api-url";

/**
 * Server-side GET to the API with the visitor's cookies, for pages that render their
 * data on the server. A missing or ended session sends the visitor to sign in.
 */
export async function serverGet<T>(path: string): Promise<T> {
  const jar = await cookies();
  const res = await fetch(`${apiUrl()}/api/v1${path}`, {
    headers: { cookie: jar.toString(), accept: "application/json" },
    cache: "no-store",
  });
  if (res.status === 401) redirect("/sign-in");
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** The signed-in user, or null; asked once per request however many components need it. */
export const currentUser = cache(async (): Promise<TUser | null> => {
  const jar = await cookies();
  if (!jar.has("arbiter_session")) return null;
  const res = await fetch(`${apiUrl()}/api/v1/me`, {
    headers: { cookie: jar.toString(), accept: "application/json" },
    cache: "no-store",
  });
  if (res.status === 401) return null;
  if (!res.ok) throw await toApiError(res);
  return ((await res.json()) as { user: TUser }).user;
});

export async function requireUser(): Promise<TUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
