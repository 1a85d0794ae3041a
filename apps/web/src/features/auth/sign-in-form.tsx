"use client";

import { safeNext } from "@arbiter/shared";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button, Input } from "@/components/ui";
import styles from "@/components/ui/standalone-page.module.css";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { homeFor } from "@/lib/roles";
import { signInErrorCode, type TSignInErrorCode } from "./sign-in-errors";

/**
 * `email` prefills the field (an invitee arriving from their invitation); `initialError` is
 * why single sign-on just failed.
 */
export function SignInForm({
  next,
  email,
  initialError,
}: {
  next?: string;
  email?: string;
  initialError?: TSignInErrorCode;
}) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(initialError ? t(`errors.${initialError}`) : null);
  const [busy, setBusy] = useState(false);
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
      const known = err instanceof ApiError ? signInErrorCode(err.code) : undefined;
      if (known) setError(t(`errors.${known}`));
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
