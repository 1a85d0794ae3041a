import type { ZInvitePeekResponse } from "@arbiter/shared";
import type { z } from "zod";
import { Logo } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { apiUrl } from "@/lib/api-url";
import { ROLE_LABEL } from "@/lib/roles";
import local from "./invite.module.css";
import { InviteForm } from "./invite-form";
import { InviteProblemCard } from "./invite-states";

type Peek = z.infer<typeof ZInvitePeekResponse>;

/** Public: anyone holding the link may see which pool and role it offers. */
async function peek(token: string): Promise<Peek | null> {
  const res = await fetch(`${apiUrl()}/api/v1/invites/${encodeURIComponent(token)}`, {
    headers: { accept: "application/json" },
    cache: "no-store",
  });
  // 400 is a token of the wrong shape: as unknown to the invitee as one that matches nothing.
  if (res.status === 404 || res.status === 400) return null;
  if (!res.ok) throw new Error(`The invitation could not be checked (${res.status}); try again shortly`);
  return (await res.json()) as Peek;
}

export async function InvitePage({ token }: { token: string }) {
  const invite = await peek(token);
  return (
    <div className={styles.page}>
      <div className={styles.panel}>
        <div className={styles.brand}>
          <Logo size={28} />
          Arbiter
        </div>
        {!invite ? (
          <InviteProblemCard problem="unknown" />
        ) : invite.state !== "active" ? (
          <InviteProblemCard problem={invite.state} />
        ) : (
          <InviteForm token={token}>
            <h1 className={styles.title}>You are invited</h1>
            <p className={local.intro}>
              Choose your name and a password to start comparing answers. You sign in next.
            </p>
            <div className={local.pool}>
              <span className={local.poolIcon} aria-hidden>
                {invite.pool.name.charAt(0).toUpperCase()}
              </span>
              <div>
                <div className={local.poolName} data-testid="invite-pool">
                  {invite.pool.name}
                </div>
                <div className={local.poolMeta}>
                  Joining as {ROLE_LABEL[invite.role].toLowerCase()} · link valid until{" "}
                  {new Date(invite.expiresAt).toLocaleDateString("en", { dateStyle: "medium" })}
                </div>
              </div>
            </div>
          </InviteForm>
        )}
        {invite?.state === "active" ? (
          <p className={styles.footer}>
            Already have an account? Accept with its email, then sign in with your usual password.
          </p>
        ) : null}
      </div>
    </div>
  );
}
