"use client";

import type { TProject } from "@arbiter/shared";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, Dialog, DialogActions, Input, useDialogAction } from "@/components/ui";
import formStyles from "@/components/ui/form.module.css";
import { duplicateProject } from "../api";

/** Copies settings, guidelines and the pools the caller may attach into a new project, then opens it. */
export function DuplicateDialog({
  project,
  open,
  onClose,
}: {
  project: Pick<TProject, "id" | "name">;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const { busy, error, run } = useDialogAction(onClose);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name")).trim();
    void run(async () => {
      const { project: copy } = await duplicateProject(project.id, name ? { name } : {});
      router.push(`/projects/${copy.id}`);
    });
  }
  return (
    <Dialog open={open} onClose={onClose} title="Duplicate project">
      {open ? (
        <form className={formStyles.form} onSubmit={submit}>
          <Input
            label="Name of the copy"
            name="name"
            required
            maxLength={200}
            defaultValue={`${project.name} (copy)`}
            autoFocus
            autoComplete="off"
            hint="Settings, questions, guidelines and the pools you may attach are copied; prompts, items and judgments are not. You own the copy."
          />
          <DialogActions error={error} busy={busy} onCancel={onClose}>
            <Button type="submit" variant="primary" loading={busy}>
              Duplicate
            </Button>
          </DialogActions>
        </form>
      ) : null}
    </Dialog>
  );
}
