import { createPseudonymizer } from "@arbiter/export";
import type { AuthUser } from "../../lib/principal";

/**
 * How annotators are shown to staff: researchers know them by the export pseudonym; only
 * admins, who run the pools, also see the email. Every staff view of annotators uses this.
 */
export function annotatorIdentity(
  /** ARBITER_SECRET: keys the pseudonyms. */
  secret: string,
  viewer: Pick<AuthUser, "role">,
): (user: { id: string; email: string }) => { pseudonym: string; email: string | null } {
  const pseudonym = createPseudonymizer(secret);
  const showEmail = viewer.role === "ADMIN";
  return (user) => ({ pseudonym: pseudonym(user.id), email: showEmail ? user.email : null });
}
