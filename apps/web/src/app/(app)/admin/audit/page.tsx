import type { TUser } from "@arbiter/shared";
import type { Metadata } from "next";
import type { TAuditEvent } from "@/features/admin/api";
import { AuditPage } from "@/features/admin/components/audit-page";
import { serverGet } from "@/lib/server-api";
import { requireAdmin } from "../guard";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditRoute() {
  await requireAdmin();
  // Staff take nearly every audited action; the actor filter offers them by name.
  const [initial, admins, researchers] = await Promise.all([
    serverGet<{ events: TAuditEvent[]; nextCursor: string | null }>("/audit?limit=50"),
    serverGet<{ users: TUser[] }>("/users?role=ADMIN&limit=200"),
    serverGet<{ users: TUser[] }>("/users?role=RESEARCHER&limit=200"),
  ]);
  return <AuditPage initial={initial} actors={[...admins.users, ...researchers.users]} />;
}
