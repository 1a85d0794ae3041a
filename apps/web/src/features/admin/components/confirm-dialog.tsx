"use client";

import type { ReactNode } from "react";
import { Button, Dialog } from "@/components/ui";
import { ApiError } from "@/lib/api-error";
import { useDialogAction } from "../hooks/use-dialog-action";
import styles from "./admin.module.css";
import { DialogActions } from "./dialog-actions";

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
  const { busy, error, setError, run } = useDialogAction(onClose);
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
        <DialogActions error={error} busy={busy} onCancel={onClose}>
          <Button
            variant={danger ? "danger" : "primary"}
            onClick={() => run(onConfirm)}
            loading={busy}
            autoFocus
          >
            {confirmLabel}
          </Button>
        </DialogActions>
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
