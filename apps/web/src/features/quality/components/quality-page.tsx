"use client";

import type { TAdaptiveSummary, TProject, TQualityResponse } from "@arbiter/shared";
import { useState } from "react";
import { Button, ConfirmDialog, ErrorState, errorMessage, PageHeader, useToast } from "@/components/ui";
import { fetchQuality, setAnnotatorStatus, suspendUser } from "../api";
import { EstimatesTable } from "./estimates-table";
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
  initial: TQualityResponse;
  isAdmin: boolean;
  origin: string;
}) {
  const toast = useToast();
  const [quality, setQuality] = useState(initial);
  const { annotators, estimates, adaptive } = quality;
  const [action, setAction] = useState<QualityAction | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function refresh() {
    setRefreshing(true);
    try {
      setQuality(await fetchQuality(project.id));
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
      {adaptive ? <AdaptiveSummary adaptive={adaptive} /> : null}
      {error ? <ErrorState message={error} onRetry={() => void refresh()} /> : null}
      <QualityTable annotators={annotators} canAct={isAdmin} onAction={setAction} />
      <EstimatesTable estimates={estimates} annotators={annotators} adaptive={adaptive} />

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

/** What adaptive collection spent and saved: answers against the fixed overlap of the same maximum. */
function AdaptiveSummary({ adaptive }: { adaptive: TAdaptiveSummary }) {
  return (
    <section className={local.summary} data-testid="adaptive-summary" aria-label="Adaptive collection">
      <Summary label="Answers spent" value={adaptive.spent} />
      <Summary
        label="Answers saved"
        value={adaptive.saved}
        title={
          adaptive.overlap
            ? `Completed items × ${adaptive.overlap.max} (the maximum) minus the answers they took`
            : "Fixed overlap: every item takes its full count"
        }
      />
      <Summary
        label="At target"
        value={adaptive.atTarget}
        title={
          adaptive.overlap
            ? `Items whose leading answer reached ${Math.round(adaptive.overlap.target * 100)} % confidence`
            : undefined
        }
      />
      <Summary label="Awaiting decision" value={adaptive.awaitingDecision} />
    </section>
  );
}

function Summary({
  label,
  value,
  tone,
  title,
}: {
  label: string;
  value: number;
  tone?: "warning" | "danger";
  title?: string;
}) {
  const cls = [
    local.summaryItem,
    tone === "danger" && local.summaryDanger,
    tone === "warning" && local.summaryWarning,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cls} title={title}>
      <div className={local.summaryLabel}>{label}</div>
      <div className={local.summaryValue}>{value.toLocaleString("en")}</div>
    </div>
  );
}
