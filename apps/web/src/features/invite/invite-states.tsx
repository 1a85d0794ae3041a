import type { TInviteState } from "@arbiter/shared";
import styles from "@/components/ui/standalone-page.module.css";
import local from "./invite.module.css";

export type InviteProblem = Exclude<TInviteState, "active"> | "unknown";

const COPY: Record<InviteProblem, { title: string; text: string }> = {
  expired: {
    title: "This invitation has expired",
    text: "Invitation links work for a limited time. Ask the person who sent it for a new one.",
  },
  exhausted: {
    title: "This invitation has been used",
    text: "Every place on this link is taken. If you already joined with it, sign in instead; otherwise ask for a new link.",
  },
  revoked: {
    title: "This invitation was withdrawn",
    text: "The administrator cancelled this link. Ask them for a new one if you still need access.",
  },
  unknown: {
    title: "This invitation link is not valid",
    text: "Check that you opened the whole link from your message; links are long and easy to cut short.",
  },
};

/** What an invitee sees when the link cannot be used, with a way on. */
export function InviteProblemCard({ problem }: { problem: InviteProblem }) {
  const { title, text } = COPY[problem];
  return (
    <div className={styles.card} data-testid={`invite-${problem}`}>
      <div className={local.problemIcon} aria-hidden>
        !
      </div>
      <h1 className={styles.title}>{title}</h1>
      <p className={local.problemText}>{text}</p>
      <a className={local.signInLink} href="/sign-in">
        Go to sign in
      </a>
    </div>
  );
}
