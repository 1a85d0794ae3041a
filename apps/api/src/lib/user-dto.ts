import type { User } from "@arbiter/db";
import { type TUser, ZLocale } from "@arbiter/shared";

export function toUserDto(
  user: Pick<User, "id" | "email" | "name" | "role" | "status" | "locale" | "createdAt">,
): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    // A language the app no longer ships reads as "no choice": the browser's decides.
    locale: ZLocale.safeParse(user.locale).data ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
