"use client";

import type { TCreateInviteResponse, TInvite, TInviteState } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import {
  ActionsHeader,
  Badge,
  type BadgeTone,
  Button,
  Card,
  CardBody,
  CardHeader,
  ConfirmDialog,
  CopyField,
  dateTime,
  errorMessage,
  FormError,
  Input,
  RelativeTime,
  SelectField,
  useToast,
} from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { ROLE_LABEL } from "@/lib/roles";
import { createInvite, revokeInvite } from "../api";
import styles from "./admin.module.css";

const STATE: Record<TInviteState, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
  exhausted: { label: "Used up", tone: "neutral" },
  revoked: { label: "Revoked", tone: "danger" },
};

const EXPIRY = [
  { value: "24", label: "1 day" },
  { value: "72", label: "3 days" },
  { value: "168", label: "7 days" },
  { value: "720", label: "30 days" },
  { value: "2160", label: "90 days" },
];

export function InvitesPanel({ poolId, initial }: { poolId: string; initial: TInvite[] }) {
  const toast = useToast();
  const [invites, setInvites] = useState(initial);
  const [created, setCreated] = useState<TCreateInviteResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TInvite | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await createInvite(poolId, {
        role: String(data.get("role")) as TInvite["role"],
        maxUses: Number(data.get("maxUses")),
        expiresInHours: Number(data.get("expiresInHours")),
      });
      setCreated(result);
      setInvites((all) => [result.invite, ...all]);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Invitations"
        description="A link lets people create their own account and join this pool. Links are stored hashed: copy one when it is created."
      />
      <CardBody className={formStyles.form}>
        <form
          className={styles.toolbar}
          style={{ marginBottom: 0 }}
          onSubmit={submit}
          aria-label="New invitation"
        >
          <SelectField
            label="Role"
            name="role"
            defaultValue="ANNOTATOR"
            options={[
              { value: "ANNOTATOR", label: "Annotator" },
              { value: "RESEARCHER", label: "Researcher" },
            ]}
          />
          <div style={{ width: 120 }}>
            <Input label="Uses" name="maxUses" type="number" min={1} max={10000} defaultValue={1} required />
          </div>
          <SelectField label="Expires after" name="expiresInHours" defaultValue="168" options={EXPIRY} />
          <Button type="submit" variant="primary" loading={busy}>
            Create link
          </Button>
        </form>
        <FormError message={error} />
        {created ? (
          <div className={styles.callout} data-testid="new-invite">
            <span className={styles.calloutIcon} aria-hidden>
              !
            </span>
            <div className={formStyles.form} style={{ flex: 1, gap: "var(--space-2)", minWidth: 0 }}>
              <strong>Copy this link now: it will not be shown again.</strong>
              <CopyField value={created.url} label="Invitation link" testId="invite-url" />
              <span className={textStyles.secondaryText}>
                {created.invite.maxUses === 1 ? "Single use" : `${created.invite.maxUses} uses`}, as{" "}
                {ROLE_LABEL[created.invite.role].toLowerCase()}, until {dateTime(created.invite.expiresAt)}.
              </span>
            </div>
            <Button size="sm" variant="ghost" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        ) : null}
        {invites.length === 0 ? (
          <p className={textStyles.muted}>No invitations yet.</p>
        ) : (
          <div className={tableStyles.wrap} style={{ boxShadow: "none" }}>
            <table className={tableStyles.table}>
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Role</th>
                  <th scope="col" className={tableStyles.num}>
                    Used
                  </th>
                  <th scope="col">Expires</th>
                  <th scope="col">Created</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => (
                  <tr key={invite.id} data-testid="invite-row">
                    <td>
                      <Badge tone={STATE[invite.state].tone}>{STATE[invite.state].label}</Badge>
                    </td>
                    <td>{ROLE_LABEL[invite.role]}</td>
                    <td className={tableStyles.num}>
                      {invite.uses} / {invite.maxUses}
                    </td>
                    <td className={textStyles.muted}>
                      <RelativeTime iso={invite.expiresAt} />
                    </td>
                    <td className={textStyles.muted}>
                      <RelativeTime iso={invite.createdAt} />
                    </td>
                    <td className={tableStyles.actions}>
                      {invite.state === "active" ? (
                        <Button size="sm" variant="ghost" onClick={() => setRevoking(invite)}>
                          Revoke
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke link"
        danger
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await revokeInvite(revoking.id);
          setInvites((all) => all.map((i) => (i.id === revoking.id ? { ...i, state: "revoked" } : i)));
          if (created?.invite.id === revoking.id) setCreated(null);
          toast({ message: "Invitation revoked" });
        }}
      >
        <p>The link stops working at once. Accounts already created with it stay, and stay in the pool.</p>
      </ConfirmDialog>
    </Card>
  );
}
