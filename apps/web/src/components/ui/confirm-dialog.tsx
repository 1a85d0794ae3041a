"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { DialogActions } from "./dialog-actions";
import formStyles from "./form.module.css";
import { useDialogAction } from "./use-dialog-action";

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
      <div className={formStyles.form}>
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
