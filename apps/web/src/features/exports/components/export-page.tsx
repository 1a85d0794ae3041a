"use client";

import type { TExport, TProject } from "@arbiter/shared";
import { useMemo, useState } from "react";
import { Button, Card, CardBody, CardHeader, PageHeader, useToast } from "@/components/ui";
import { ApiError } from "@/lib/api-error";
import { createExport } from "../api";
import {
  apiFieldErrors,
  defaultForm,
  type ExportForm,
  type FieldErrors,
  formErrors,
  toRequest,
} from "../form";
import { useExports } from "../hooks/use-exports";
import { usePreview } from "../hooks/use-preview";
import { emptySplitWarning, explainPreview } from "../reasons";
import { ExportList } from "./export-list";
import { ExportOptions } from "./export-options";
import { ExportPreview } from "./export-preview";
import styles from "./exports.module.css";

export function ExportPage({ project, initial }: { project: TProject; initial: TExport[] }) {
  const toast = useToast();
  const [form, setForm] = useState<ExportForm>(defaultForm);
  const [runErrors, setRunErrors] = useState<FieldErrors>({});
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<string | null>(null);
  const { exports, add, pollError } = useExports(project.id, initial);

  const request = useMemo(() => toRequest(form), [form]);
  const localErrors = useMemo(() => formErrors(form), [form]);
  const blocked = Object.keys(localErrors).length > 0;
  const preview = usePreview(project.id, request, blocked);
  const errors = { ...preview.fieldErrors, ...runErrors, ...localErrors };
  const explanation = useMemo(
    () => (preview.preview ? explainPreview(preview.preview, request) : null),
    [preview.preview, request],
  );
  const splitWarning = explanation ? emptySplitWarning(explanation.emptySplits) : null;
  const hasErrors = Object.keys(errors).length > 0;

  function change(update: Partial<ExportForm>) {
    setForm((f) => ({ ...f, ...update }));
    setRunErrors({});
    setRunError(null);
  }

  async function run() {
    setRunning(true);
    setRunError(null);
    try {
      const { export: created } = await createExport(project.id, request);
      add(created);
      toast({ tone: "success", message: "Export started; its files appear below when ready" });
    } catch (err) {
      const byField = err instanceof ApiError && err.status === 400 ? apiFieldErrors(err.details) : {};
      setRunErrors(byField);
      if (!Object.keys(byField).length) setRunError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  }

  const rows = preview.preview?.exact?.total;
  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${project.id}`}>← {project.name}</a>}
        title="Export dataset"
        description="Choose a format and filters, check the first rows, then run. The same data and options always give the same bytes."
      />
      <div className={styles.layout}>
        <Card>
          <CardHeader title="Options" />
          <CardBody>
            <ExportOptions project={project} form={form} errors={errors} onChange={change} />
          </CardBody>
          <div className={styles.runBar}>
            <span className={styles.runSummary} role="status">
              {runError ? (
                <span className={styles.failed}>{runError}</span>
              ) : hasErrors ? (
                "Fix the marked options to run."
              ) : explanation?.headline ? (
                explanation.headline
              ) : splitWarning ? (
                <span className={styles.warningText}>{splitWarning}</span>
              ) : rows !== undefined ? (
                `${rows.toLocaleString("en")} rows in ${Object.keys(request.splits ?? {}).length} split(s)`
              ) : (
                "Rows are counted as the export runs."
              )}
            </span>
            <Button variant="primary" onClick={run} loading={running} disabled={hasErrors || preview.loading}>
              Run export
            </Button>
          </div>
        </Card>
        <div className={styles.previewColumn}>
          <ExportPreview state={preview} blocked={blocked} explanation={blocked ? null : explanation} />
        </div>
      </div>
      <ExportList exports={exports} pollError={pollError} />
    </>
  );
}
