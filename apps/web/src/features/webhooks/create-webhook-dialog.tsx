"use client";

import { type TWebhookSecretResponse, WEBHOOK_EVENTS } from "@arbiter/shared";
import { type FormEvent, useState } from "react";
import { Button, Dialog, DialogActions, errorMessage, Input } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { createWebhook } from "./api";
import styles from "./webhooks.module.css";

export function CreateWebhookDialog({
  projectId,
  open,
  onClose,
  onCreated,
}: {
  projectId: string | null;
  open: boolean;
  onClose: () => void;
  onCreated: (created: TWebhookSecretResponse) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const events = form.getAll("events").map(String) as (typeof WEBHOOK_EVENTS)[number][];
    if (events.length === 0) {
      setProblem("Choose at least one event.");
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onCreated(
        await createWebhook(projectId, {
          url: String(form.get("url") ?? "").trim(),
          description: String(form.get("description") ?? ""),
          events,
        }),
      );
      onClose();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="New webhook endpoint">
      <form className={formStyles.form} onSubmit={submit}>
        <Input
          label="URL"
          name="url"
          type="url"
          required
          placeholder="https://pipeline.example.com/arbiter"
          hint="Arbiter POSTs signed JSON here."
          autoComplete="off"
        />
        <Input label="Description" name="description" maxLength={500} autoComplete="off" />
        <fieldset className={styles.events}>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className={styles.event}>
              <input type="checkbox" name="events" value={e} defaultChecked={e !== "judgment.created"} />
              <code>{e}</code>
            </label>
          ))}
        </fieldset>
        <DialogActions error={problem} busy={busy} onCancel={onClose}>
          <Button type="submit" variant="primary" disabled={busy}>
            Create endpoint
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
