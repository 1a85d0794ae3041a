"use client";

import type { TRole, TUser } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Dialog, DialogActions, errorMessage, Input, SelectField } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { ApiError } from "@/lib/api-error";
import { createUser } from "../api";
import { ROLE_OPTIONS } from "./user-badges";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/** Field-level messages from the API's 400/409 details (`body.email`, ...). */
function fieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: FieldErrors = {};
  for (const d of err.details as { path?: string; message?: string }[]) {
    const field = d.path?.replace(/^body\./, "") as keyof FieldErrors | undefined;
    if (field === "name" || field === "email" || field === "password") out[field] = d.message ?? err.message;
  }
  return out;
}

export function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: TUser) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const { user } = await createUser({
        name: String(data.get("name")),
        email: String(data.get("email")),
        password: String(data.get("password")),
        role: String(data.get("role")) as TRole,
      });
      form.reset();
      onCreated(user);
      onClose();
    } catch (err) {
      const byField = fieldErrors(err);
      setFields(byField);
      if (Object.keys(byField).length === 0) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="New user">
      <form className={formStyles.form} onSubmit={submit}>
        <Input label="Name" name="name" required maxLength={200} autoComplete="off" error={fields.name} />
        <Input label="Email" name="email" type="email" required autoComplete="off" error={fields.email} />
        <Input
          label="Initial password"
          name="password"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          hint="At least 8 characters. Share it privately; they can sign in at once."
          error={fields.password}
        />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="ANNOTATOR" />
        <DialogActions error={error} busy={busy} onCancel={onClose}>
          <Button type="submit" variant="primary" loading={busy}>
            Create user
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
