"use client";

import type { TGenerationRun, TGenerator } from "@arbiter/shared";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  Badge,
  Button,
  ButtonLink,
  Card,
  count,
  EmptyState,
  PageHeader,
  ProgressBar,
  RelativeTime,
} from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { listRuns } from "../api";
import { isActive, runStatusBadge } from "../format";
import styles from "./generation.module.css";
import { SectionNav } from "./section-nav";
import { StartRunDialog } from "./start-run-dialog";

export function RunsPage({
  projectId,
  projectName,
  promptCount,
  generators,
  initial,
}: {
  projectId: string;
  projectName: string;
  promptCount: number;
  generators: TGenerator[];
  initial: TGenerationRun[];
}) {
  const router = useRouter();
  const [runs, setRuns] = useState(initial);
  const [starting, setStarting] = useState(false);
  const names = new Map(generators.map((g) => [g.id, g.name]));
  const anyActive = runs.some(isActive);

  // The list refreshes while a run is moving, so its bar moves here too.
  useEffect(() => {
    if (!anyActive) return;
    const timer = setInterval(() => {
      listRuns(projectId)
        .then((r) => setRuns(r.runs))
        .catch(() => {});
    }, 2_000);
    return () => clearInterval(timer);
  }, [anyActive, projectId]);

  const canStart = generators.length > 0 && promptCount > 0;
  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${projectId}`}>← {projectName}</a>}
        title="Generation runs"
        description="Each run asks the chosen generators for completions of the project's prompts, through the worker, with retries. Stored samples are never generated twice."
        actions={
          canStart ? (
            <Button variant="primary" onClick={() => setStarting(true)}>
              Start a run
            </Button>
          ) : null
        }
      />
      <SectionNav projectId={projectId} />
      {runs.length === 0 ? (
        <Card>
          {generators.length === 0 ? (
            <EmptyState
              icon="⚙"
              title="Add a generator first"
              action={<ButtonLink href={`/projects/${projectId}/generators`}>Add a generator</ButtonLink>}
            >
              A run needs at least one model server to ask.
            </EmptyState>
          ) : promptCount === 0 ? (
            <EmptyState
              icon="↥"
              title="No prompts yet"
              action={<ButtonLink href={`/projects/${projectId}/import`}>Import prompts</ButtonLink>}
            >
              Upload a JSONL or CSV of prompts, then generate completions for them.
            </EmptyState>
          ) : (
            <EmptyState
              icon="▶"
              title="No runs yet"
              action={
                <Button variant="primary" onClick={() => setStarting(true)}>
                  Start a run
                </Button>
              }
            >
              {count(promptCount)} prompts and {generators.length} generator
              {generators.length === 1 ? "" : "s"} are ready.
            </EmptyState>
          )}
        </Card>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={tableStyles.table}>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col" className={styles.progressCol}>
                  Progress
                </th>
                <th scope="col" className={tableStyles.num}>
                  Failed
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const finished = run.done + run.failed + run.cancelled;
                const status = runStatusBadge(run);
                return (
                  <tr key={run.id} data-testid="run-row">
                    <td className={styles.runName}>
                      <Link href={`/projects/${projectId}/runs/${run.id}`} className={textStyles.primaryText}>
                        {run.generatorIds.map((id) => names.get(id) ?? "removed generator").join(" · ")}
                      </Link>
                      <div className={textStyles.secondaryText}>
                        {run.samplesPerPrompt} per prompt · <RelativeTime iso={run.createdAt} />
                      </div>
                    </td>
                    <td>
                      <Badge tone={status.tone}>{status.label}</Badge>
                    </td>
                    <td>
                      <ProgressBar value={finished} max={run.total} label={`Progress of run ${run.id}`} />
                      <div className={textStyles.secondaryText}>
                        {count(run.done)} done of {count(run.total)}
                      </div>
                    </td>
                    <td className={tableStyles.num}>{count(run.failed)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <StartRunDialog
        open={starting}
        projectId={projectId}
        generators={generators}
        promptCount={promptCount}
        onClose={() => setStarting(false)}
        onStarted={(runId) => router.push(`/projects/${projectId}/runs/${runId}`)}
      />
    </>
  );
}
