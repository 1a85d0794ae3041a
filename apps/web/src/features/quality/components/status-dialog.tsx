"use client";

import type { FormEvent } from "react";
import { Button, Dialog, DialogActions, Textarea, useDialogAction } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import type { QualityAction } from "./quality-table";

/** Quarantine or clear one annotator in this project, with a reason kept in the audit log. */
export function StatusDialog({
  action,
  onClose,
  onSubmit,
}: {
  action: QualityAction | null;
  onClose: () => void;
  onSubmit: (action: QualityAction, reason: string) => Promise<void>;
}) {
  const { busy, error, run } = useDialogAction(onClose);
  const quarantine = action?.kind === "quarantine";
  const name = action?.annotator.user.name ?? "";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!action) return;
    const reason = String(new FormData(event.currentTarget).get("reason")).trim();
    await run(() => onSubmit(action, reason));
  }

  return (
    <Dialog
      open={action !== null && action.kind !== "suspend"}
      onClose={onClose}
      title={quarantine ? `Quarantine ${name}?` : `Clear ${name}?`}
    >
      {action ? (
        <form className={formStyles.form} onSubmit={submit}>
          <p>
            {quarantine
              ? "They get no new items in this project, items they hold go back to the queue, and their judgments here stop counting and are left out of exports."
              : "They are admitted again: they get new items in this project, and their judgments here count again."}
          </p>
          <Textarea
            label="Reason"
            name="reason"
            maxLength={500}
            rows={3}
            autoFocus
            placeholder={quarantine ? "e.g. always picks the left answer" : "e.g. reviewed, answers are fine"}
            hint="Kept in the audit log and shown to staff, never to the annotator."
          />
          <DialogActions error={error} busy={busy} onCancel={onClose}>
            <Button type="submit" variant={quarantine ? "danger" : "primary"} loading={busy}>
              {quarantine ? "Quarantine" : "Clear and admit"}
            </Button>
          </DialogActions>
        </form>
      ) : null}
    </Dialog>
  );
}
