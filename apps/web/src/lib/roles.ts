import type { TRole } from "@arbiter/shared";

export type NavEntry = { href: string; label: string };

/** Where each role lands after signing in. */
export function homeFor(role: TRole): string {
  return role === "ANNOTATOR" ? "/annotate" : "/projects";
}

/**
 * The navigation each role sees. Only pages that exist are listed; new sections add
 * their entry here when their pages land.
 */
export function navFor(role: TRole): NavEntry[] {
  const annotate = { href: "/annotate", label: "Annotate" };
  const projects = { href: "/projects", label: "Projects" };
  if (role === "ANNOTATOR") return [annotate];
  if (role === "ADMIN")
    return [
      projects,
      annotate,
      { href: "/admin/users", label: "Users" },
      { href: "/admin/pools", label: "Pools" },
      { href: "/admin/audit", label: "Audit log" },
      { href: "/admin/webhooks", label: "Webhooks" },
    ];
  return [projects, annotate];
}

export const ROLE_LABEL: Record<TRole, string> = {
  ADMIN: "Admin",
  RESEARCHER: "Researcher",
  ANNOTATOR: "Annotator",
};
