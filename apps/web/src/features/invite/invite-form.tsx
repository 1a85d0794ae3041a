"use client";

import { type FormEvent, useState } from "react";
import { Button, Input } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { type InviteProblem, InviteProblemCard } from "./invite-states";

const GONE: Record<string, InviteProblem> = {
  invite_expired: "expired",
  invite_used: "exhausted",
  invite_revoked: "revoked",
};

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/**
 * Name, email and password. Accepting never signs anyone in: the invitee then signs in with
 * that email and their password, which is when an existing account joins the pool (the
 * answer is the same whether or not the email already had an account).
 */
export function InviteForm({ token, children }: { token: string; children: React.ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [gone, setGone] = useState<InviteProblem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const { email } = await call(
        browserApi.POST("/api/v1/invites/{token}/accept", {
          params: { path: { token } },
          body: {
            name: String(form.get("name")),
            email: String(form.get("email")),
            password: String(form.get("password")),
          },
        }),
      );
      window.location.assign(`/sign-in?joined=invite&email=${encodeURIComponent(email)}`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 410) setGone(GONE[err.code] ?? "exhausted");
      else if (err instanceof ApiError && err.status === 404) setGone("unknown");
      else if (err instanceof ApiError && err.status === 400) setFields(byField(err));
      else if (err instanceof ApiError && err.status === 429)
        setError("Too many attempts. Wait a minute and try again.");
      else setError("Arbiter could not be reached. Check your connection and try again.");
    }
  }

  if (gone) return <InviteProblemCard problem={gone} />;
  return (
    <div className={styles.card}>
      {children}
      <form className={styles.form} onSubmit={submit}>
        <Input
          label="Your name"
          name="name"
          required
          maxLength={200}
          autoComplete="name"
          autoFocus
          error={fields.name}
        />
        <Input label="Email" name="email" type="email" required autoComplete="email" error={fields.email} />
        <Input
          label="Password"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint="At least 8 characters"
          error={fields.password}
        />
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" size="lg" block loading={busy}>
          Accept invitation
        </Button>
      </form>
    </div>
  );
}

function byField(err: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const d of (Array.isArray(err.details) ? err.details : []) as { path?: string; message?: string }[]) {
    const f = d.path?.replace(/^body\./, "");
    if (f === "name" || f === "email" || f === "password") out[f] = capitalise(d.message ?? err.message);
  }
  if (Object.keys(out).length === 0) out.email = err.message;
  return out;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
