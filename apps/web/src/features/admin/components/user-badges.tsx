import type { TRole, TUser } from "@arbiter/shared";
import { Badge } from "@/components/ui";
import { ROLE_LABEL } from "@/lib/roles";

export function RoleBadge({ role }: { role: TRole }) {
  return <Badge tone={role === "ADMIN" ? "accent" : "neutral"}>{ROLE_LABEL[role]}</Badge>;
}

/** Erased people leave every pool, so only the users list passes `erasedAt`. */
export function UserStatusBadge({ user }: { user: Pick<TUser, "status"> & { erasedAt?: string | null } }) {
  if (user.erasedAt) return <Badge tone="neutral">Erased</Badge>;
  return user.status === "ACTIVE" ? (
    <Badge tone="success">Active</Badge>
  ) : (
    <Badge tone="danger">Suspended</Badge>
  );
}

export const ROLE_OPTIONS = [
  { value: "ANNOTATOR", label: "Annotator" },
  { value: "RESEARCHER", label: "Researcher" },
  { value: "ADMIN", label: "Admin" },
];
