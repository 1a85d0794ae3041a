"use client";

import type { TGenerationRun, TGenerator } from "@arbiter/shared";
import { useState } from "react";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  ConfirmDialog,
  count,
  EmptyState,
  PageHeader,
  ProgressBar,
  RelativeTime,
  useToast,
} from "@/components/ui";
import { cancelRun } from "../api";
import { eta, formatDuration, formatRate, isActive, runStatusBadge, throughput } from "../format";
import { useLiveRun, useNow } from "../hooks/use-live-run";
import styles from "./generation.module.css";
import { SectionNav } from "./section-nav";

export function RunDetail({
  projectId,
  projectName,
  initial,
  generators,
}: {
  projectId: string;
  projectName: string;
  initial: TGenerationRun;
  generators: TGenerator[];
}) {
  const toast = useToast();
  const { run, setRun, stale } = useLiveRun(projectId, initial);
  const [confirming, setConfirming] = useState(false);
  const active = isActive(run);
  const now = useNow(active);
  const status = runStatusBadge(run);
  const names = new Map(generators.map((g) => [g.id, g.name]));
  const finished = run.done + run.failed + run.cancelled;
  const share = run.total > 0 ? Math.round((finished / run.total) * 100) : 0;

  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${projectId}/runs`}>← Runs of {projectName}</a>}
        title={
          <span className={styles.cardTitle}>
            Generation run <Badge tone={status.tone}>{status.label}</Badge>
          </span>
        }
        description={
          <>
            {run.generatorIds.map((id) => names.get(id) ?? "a removed generator").join(", ")} ·{" "}
            {run.samplesPerPrompt} sample{run.samplesPerPrompt === 1 ? "" : "s"} per prompt · started{" "}
            <RelativeTime iso={run.startedAt ?? run.createdAt} />
          </>
        }
        actions={
          active ? (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Cancel run
            </Button>
          ) : (
            <ButtonLink variant="primary" href={`/projects/${projectId}/items?run=${run.id}`}>
              Build items
            </ButtonLink>
          )
        }
      />
      <SectionNav projectId={projectId} />
      <div className={styles.stack}>
        <Card>
          <CardBody className={styles.progressBlock}>
            <div className={styles.progressLine}>
              <span>
                <strong data-testid="run-progress">
                  {count(finished)} of {count(run.total)}
                </strong>{" "}
                samples finished ({share}%)
              </span>
              <span aria-live="polite">
                {stale ? `Showing the last known counts: ${stale}` : active ? "Updating every second" : null}
              </span>
            </div>
            <div className={styles.progressBig}>
              <ProgressBar value={finished} max={run.total} label="Samples finished" />
            </div>
            <div className={styles.progressLine}>
              <span>
                Throughput <strong>{formatRate(throughput(run, now))}</strong>
              </span>
              <span>
                {active ? (
                  <>
                    Time left <strong>{formatDuration(eta(run, now))}</strong>
                  </>
                ) : run.finishedAt && run.startedAt ? (
                  <>
                    Took{" "}
                    <strong>
                      {formatDuration((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000)}
                    </strong>
                  </>
                ) : null}
              </span>
            </div>
          </CardBody>
        </Card>

        <div className={styles.stats} data-testid="run-counts">
          <Stat label="Pending" value={run.pending} note="queued or being retried" />
          <Stat label="Done" value={run.done} note="completions stored" tone="success" />
          <Stat
            label="Failed"
            value={run.failed}
            note="gave up; see errors"
            tone={run.failed ? "danger" : undefined}
          />
          <Stat label="Cancelled" value={run.cancelled} note="not sent" />
        </div>

        <Card>
          <CardHeader
            title="Latest errors"
            description="The model server's own message; retried ones may still succeed."
          />
          {run.lastErrors.length === 0 ? (
            <EmptyState icon="✓" title="No errors">
              {active
                ? "Errors from the model server show up here as they happen."
                : "Every request went through."}
            </EmptyState>
          ) : (
            <CardBody>
              <ul className={styles.errorList}>
                {run.lastErrors.map((e) => (
                  <li key={`${e.promptId}-${e.generatorId}-${e.sampleIndex}-${e.at}`}>
                    <span className={styles.errorMeta}>
                      <Badge tone={e.final ? "danger" : "warning"}>{e.final ? "Failed" : "Retrying"}</Badge>
                      {names.get(e.generatorId) ?? "generator"} · sample {e.sampleIndex + 1} ·{" "}
                      <RelativeTime iso={e.at} />
                    </span>
                    <span className={styles.errorText}>{e.message}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          )}
        </Card>
      </div>

      <ConfirmDialog
        open={confirming}
        title="Cancel this run?"
        confirmLabel="Cancel run"
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          setRun((await cancelRun(projectId, run.id)).run);
          toast({ message: "Run cancelled; stored completions stay" });
        }}
      >
        Samples not yet sent are dropped. Completions already stored stay and can be built into items.
      </ConfirmDialog>
    </>
  );
}

function Stat({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: number;
  note: string;
  tone?: "danger" | "success";
}) {
  const toneClass = tone === "danger" ? styles.statDanger : tone === "success" ? styles.statSuccess : "";
  return (
    <div className={`${styles.stat} ${toneClass}`}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue}>{count(value)}</div>
      <div className={styles.statNote}>{note}</div>
    </div>
  );
}
