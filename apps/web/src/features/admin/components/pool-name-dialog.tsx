"use client";

import { type FormEvent, useState } from "react";
import { Button, Dialog, DialogActions, errorMessage, Input } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { ApiError } from "@/lib/api-error";

/** Names a new pool or renames one; a taken name is reported on the field. */
export function PoolNameDialog({
  open,
  title,
  submitLabel,
  initialName = "",
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName?: string;
  onClose: () => void;
  onSubmit: (name: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name")).trim();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(name);
      onClose();
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "name_taken"
          ? "A pool with this name exists"
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {open ? (
        <form className={formStyles.form} onSubmit={submit}>
          <Input
            label="Pool name"
            name="name"
            required
            maxLength={200}
            defaultValue={initialName}
            autoFocus
            autoComplete="off"
            error={error}
            hint="Projects name the pools allowed in; members see only those projects."
          />
          {/* A failure is shown on the name field, where the taken name is. */}
          <DialogActions error={null} busy={busy} onCancel={onClose}>
            <Button type="submit" variant="primary" loading={busy}>
              {submitLabel}
            </Button>
          </DialogActions>
        </form>
      ) : null}
    </Dialog>
  );
}
