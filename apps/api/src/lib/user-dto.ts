import type { User } from "@arbiter/db";
import type { TUser } from "@arbiter/shared";

export function toUserDto(
  user: Pick<User, "id" | "email" | "name" | "role" | "status" | "createdAt">,
): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
  };
}
