"use client";

import type { TAnnotatorQuality, TProject } from "@arbiter/shared";
import { useState } from "react";
import { Button, ConfirmDialog, ErrorState, errorMessage, PageHeader, useToast } from "@/components/ui";
import { fetchQuality, setAnnotatorStatus, suspendUser } from "../api";
import local from "./quality.module.css";
import { QualitySettings } from "./quality-settings";
import { type QualityAction, QualityTable } from "./quality-table";
import { StatusDialog } from "./status-dialog";

export function QualityPage({
  project,
  initial,
  isAdmin,
  origin,
}: {
  project: TProject;
  initial: TAnnotatorQuality[];
  isAdmin: boolean;
  origin: string;
}) {
  const toast = useToast();
  const [annotators, setAnnotators] = useState(initial);
  const [action, setAction] = useState<QualityAction | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function refresh() {
    setRefreshing(true);
    try {
      setAnnotators((await fetchQuality(project.id)).annotators);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setRefreshing(false);
    }
  }

  const flagged = annotators.filter((a) => a.flags.length > 0).length;
  const quarantined = annotators.filter((a) => a.status === "QUARANTINED").length;
  const rejected = annotators.filter((a) => a.status === "REJECTED").length;

  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${project.id}`}>← {project.name}</a>}
        title="Quality"
        description="Per-annotator measures from gold items, agreement, position and speed. Quarantined and rejected annotators' judgments are left out of exports by default."
        actions={
          <Button onClick={() => void refresh()} loading={refreshing}>
            Refresh
          </Button>
        }
      />
      <div className={local.summary}>
        <Summary label="Annotators" value={annotators.length} />
        <Summary label="Flagged" value={flagged} tone={flagged ? "warning" : undefined} />
        <Summary label="Quarantined" value={quarantined} tone={quarantined ? "danger" : undefined} />
        <Summary label="Not qualified" value={rejected} />
      </div>
      {error ? <ErrorState message={error} onRetry={() => void refresh()} /> : null}
      <QualityTable annotators={annotators} canAct={isAdmin} onAction={setAction} />

      {project.myRole === "VIEWER" ? null : <QualitySettings project={project} origin={origin} />}

      <StatusDialog
        action={action}
        onClose={() => setAction(null)}
        onSubmit={async (a, reason) => {
          await setAnnotatorStatus(
            project.id,
            a.annotator.user.id,
            a.kind === "quarantine" ? "QUARANTINED" : "ADMITTED",
            reason,
          );
          await refresh();
          toast({
            tone: "success",
            message: `${a.annotator.user.name} ${a.kind === "quarantine" ? "quarantined" : "cleared"}`,
          });
        }}
      />
      <ConfirmDialog
        open={action?.kind === "suspend"}
        title={`Suspend ${action?.annotator.user.name ?? ""}?`}
        confirmLabel="Suspend now"
        danger
        onClose={() => setAction(null)}
        onConfirm={async () => {
          if (!action) return;
          await suspendUser(action.annotator.user.id);
          toast({ tone: "success", message: `${action.annotator.user.name} is suspended` });
        }}
      >
        <p>
          Suspension covers every project and <strong>takes effect at once</strong>: they are signed out,
          their API keys stop working, items they hold go back to the queue, and all their judgments are left
          out of exports by default. Reinstate them from Users.
        </p>
      </ConfirmDialog>
    </>
  );
}

function Summary({ label, value, tone }: { label: string; value: number; tone?: "warning" | "danger" }) {
  const cls = [
    local.summaryItem,
    tone === "danger" && local.summaryDanger,
    tone === "warning" && local.summaryWarning,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cls}>
      <div className={local.summaryLabel}>{label}</div>
      <div className={local.summaryValue}>{value.toLocaleString("en")}</div>
    </div>
  );
}
