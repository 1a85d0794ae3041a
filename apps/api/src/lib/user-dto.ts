import type { User } from "@arbiter/db";
import { type TUser, ZLocale } from "@arbiter/shared";

export function toUserDto(
  user: Pick<User, "id" | "email" | "name" | "role" | "status" | "locale" | "erasedAt" | "createdAt">,
): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    // A language the app no longer ships reads as "no choice": the browser's decides.
    locale: ZLocale.safeParse(user.locale).data ?? null,
    erasedAt: user.erasedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
