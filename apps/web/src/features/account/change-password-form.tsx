"use client";

import type { TPasswordChangedResponse } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Card, CardBody, CardHeader, Input } from "@/components/ui";
import { browserApi, call } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import styles from "./account.module.css";

type FieldErrors = { currentPassword?: string; newPassword?: string; confirm?: string };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function fieldErrorsOf(err: ApiError): FieldErrors {
  const details = Array.isArray(err.details) ? (err.details as { path?: string; message?: string }[]) : [];
  const out: FieldErrors = {};
  for (const d of details) {
    if (d.path === "body.currentPassword") out.currentPassword = d.message ?? "is invalid";
    if (d.path === "body.newPassword") out.newPassword = d.message ?? "is invalid";
  }
  return out;
}

/**
 * Changing the password signs out every other browser and revokes every API key (the API
 * does it; this browser gets a fresh session), and the form says so before and after.
 */
export function ChangePasswordForm() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<TPasswordChangedResponse["revoked"] | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword"));
    const newPassword = String(form.get("newPassword"));
    setProblem(null);
    setDone(null);
    if (newPassword !== String(form.get("confirm"))) {
      setErrors({ confirm: "does not match the new password" });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const res = await call(
        browserApi.POST("/api/v1/me/password", { body: { currentPassword, newPassword } }),
      );
      formElement.reset();
      setDone(res.revoked);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setErrors(fieldErrorsOf(err));
      if (err instanceof ApiError && err.status < 500) setProblem(err.message);
      else setProblem("Arbiter could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className={styles.card}>
      <CardHeader
        title="Change password"
        description="This signs you out on every other device and revokes all your API keys."
      />
      <CardBody>
        <form className={styles.form} onSubmit={submit}>
          <Input
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={errors.currentPassword}
          />
          <Input
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            hint="At least 8 characters."
            error={errors.newPassword}
          />
          <Input
            label="Repeat the new password"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            error={errors.confirm}
          />
          {problem ? (
            <p className={styles.error} role="alert">
              {problem}
            </p>
          ) : null}
          {done ? (
            <p className={styles.done} role="status">
              Password changed. {plural(Math.max(0, done.sessions - 1), "other session")} signed out and{" "}
              {plural(done.apiKeys, "API key")} revoked; you stay signed in here.
            </p>
          ) : null}
          <div>
            <Button type="submit" variant="primary" loading={busy}>
              Change password
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
