import type { TUser } from "@arbiter/shared";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server-api";

/** Admin pages do not exist for anyone else (the API refuses their data anyway). */
export async function requireAdmin(): Promise<TUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  return user;
}
