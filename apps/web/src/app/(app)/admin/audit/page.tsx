import type { TAuditResponse, TUserListResponse } from "@arbiter/shared";
import type { Metadata } from "next";
import { AuditPage } from "@/features/admin/components/audit-page";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditRoute() {
  await requireAdmin();
  // Staff take nearly every audited action; the actor filter offers them by name.
  const [initial, admins, researchers] = await Promise.all([
    serverGet<TAuditResponse>("/audit?limit=50"),
    serverGet<TUserListResponse>("/users?role=ADMIN&limit=200"),
    serverGet<TUserListResponse>("/users?role=RESEARCHER&limit=200"),
  ]);
  return <AuditPage initial={initial} actors={[...admins.users, ...researchers.users]} />;
}
