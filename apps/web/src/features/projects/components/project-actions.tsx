"use client";

import type { TProject } from "@arbiter/shared";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink, ConfirmDialog, errorMessage, useToast } from "@/components/ui";
import { updateProject } from "../api";
import { DuplicateDialog } from "./duplicate-dialog";

/** Settings, pause/resume, archive/restore and duplicate; viewers get none of them. */
export function ProjectActions({ project: p }: { project: TProject }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  if (p.myRole === "VIEWER") return null;

  async function setStatus(status: TProject["status"], message: string) {
    setBusy(true);
    try {
      await updateProject(p.id, { status });
      toast({ tone: "success", message });
      router.refresh();
    } catch (err) {
      toast({ tone: "error", message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ButtonLink href={`/projects/${p.id}/settings`}>Settings</ButtonLink>
      {p.status === "ACTIVE" ? (
        <Button onClick={() => void setStatus("PAUSED", "Project paused")} loading={busy}>
          Pause
        </Button>
      ) : null}
      {p.status === "PAUSED" ? (
        <Button onClick={() => void setStatus("ACTIVE", "Project resumed")} loading={busy}>
          Resume
        </Button>
      ) : null}
      {p.status === "ARCHIVED" ? (
        <Button onClick={() => void setStatus("ACTIVE", "Project restored")} loading={busy}>
          Restore
        </Button>
      ) : (
        <Button onClick={() => setArchiving(true)}>Archive</Button>
      )}
      <Button onClick={() => setDuplicating(true)}>Duplicate</Button>
      <ConfirmDialog
        open={archiving}
        title={`Archive ${p.name}?`}
        confirmLabel="Archive"
        danger
        onClose={() => setArchiving(false)}
        onConfirm={async () => {
          await updateProject(p.id, { status: "ARCHIVED" });
          toast({ tone: "success", message: "Project archived" });
          router.refresh();
        }}
      >
        <p>
          Annotators stop seeing it and its settings become read-only. Its data stays, exports keep working,
          and you can restore it at any time.
        </p>
      </ConfirmDialog>
      <DuplicateDialog project={p} open={duplicating} onClose={() => setDuplicating(false)} />
    </>
  );
}
