import type { TUserListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { UsersPage } from "@/features/admin/components/users-page";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../guard";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersRoute({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const me = await requireAdmin();
  // ?q= comes from the audit log's links to a person; the list opens filtered to them.
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 200);
  const initial = await serverGet<TUserListResponse>(
    `/users?limit=50${q ? `&q=${encodeURIComponent(q)}` : ""}`,
  );
  return <UsersPage initial={initial} meId={me.id} query={q} />;
}
