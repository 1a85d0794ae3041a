"use client";

import { type ReactNode, useState } from "react";
import { Button, Dialog } from "@/components/ui";
import { ApiError } from "@/lib/api-error";
import styles from "./admin.module.css";

/**
 * Asks before a consequential action; the dialog stays open with the server's message
 * when the action fails, so nothing is silently lost.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open={open}
      title={title}
      onClose={() => {
        setError(null);
        onClose();
      }}
    >
      <div className={styles.form}>
        <div>{children}</div>
        {error ? (
          <p className={styles.formError} role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.formActions}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant={danger ? "danger" : "primary"} onClick={confirm} loading={busy} autoFocus>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** The API's own sentence when there is one, otherwise a plain one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status < 500) return err.message;
  if (err instanceof ApiError) return "The server could not do this just now. Try again.";
  return "Arbiter could not be reached. Check your connection and try again.";
}
