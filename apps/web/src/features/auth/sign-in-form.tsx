"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button, Input } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { homeFor } from "@/lib/roles";
import { safeNext } from "./safe-next";

/** `email` prefills the field (an invitee arriving from their invitation). */
export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("signIn");
  const tc = useTranslations("common");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { user } = await call(
        browserApi.POST("/api/v1/auth/login", {
          body: { email: String(form.get("email")), password: String(form.get("password")) },
        }),
      );
      // A full navigation, so the server renders the shell with the new session.
      window.location.assign(safeNext(next, window.location.origin) ?? homeFor(user.role));
    } catch (err) {
      setBusy(false);
      // The answers a person signing in meets are said in their language; others (a 429
      // saying when to try again) keep the server's words.
      if (err instanceof ApiError && (err.code === "invalid_credentials" || err.code === "account_suspended"))
        setError(t(`errors.${err.code}`));
      else if (err instanceof ApiError && err.status < 500) setError(err.message);
      else setError(tc("unreachable"));
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate={false}>
      <Input
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus={!email}
        defaultValue={email}
      />
      <Input
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(email)}
      />
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="lg" block loading={busy}>
        {t("submit")}
      </Button>
    </form>
  );
}
