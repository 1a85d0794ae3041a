import type { TRole, TUserStatus } from "@arbiter/shared";
import { Badge } from "@/components/ui";
import { ROLE_LABEL } from "@/lib/roles";

export function RoleBadge({ role }: { role: TRole }) {
  return <Badge tone={role === "ADMIN" ? "accent" : "neutral"}>{ROLE_LABEL[role]}</Badge>;
}

export function UserStatusBadge({ status }: { status: TUserStatus }) {
  return status === "ACTIVE" ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Suspended</Badge>;
}

export const ROLE_OPTIONS = [
  { value: "ANNOTATOR", label: "Annotator" },
  { value: "RESEARCHER", label: "Researcher" },
  { value: "ADMIN", label: "Admin" },
];
