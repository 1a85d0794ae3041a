import type { TAuthProvider } from "@arbiter/shared";
import { apiUrl } from "@/lib/api-url";

/** The single sign-on providers the API offers; none when it cannot say, so password sign-in still shows. */
export async function fetchAuthProviders(): Promise<TAuthProvider[]> {
  try {
    const res = await fetch(`${apiUrl()}/api/v1/auth/providers`, {
      headers: { accept: "application/json" },
      cache: "no-store",
    });
    if (!res.ok) return [];
    return ((await res.json()) as { providers: TAuthProvider[] }).providers;
  } catch {
    return [];
  }
}
