import type { TUserListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { UsersPage } from "@/features/admin/components/users-page";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../guard";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersRoute() {
  const me = await requireAdmin();
  const initial = await serverGet<TUserListResponse>("/users?limit=50");
  return <UsersPage initial={initial} meId={me.id} />;
}
