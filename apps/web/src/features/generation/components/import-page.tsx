"use client";

import type { TImportResponse } from "@arbiter/shared";
import { useRef, useState } from "react";
import {
  Button,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  errorMessage,
  FormError,
  PageHeader,
} from "@/components/ui";
import { type ImportFormat, type ImportKind, type ImportMode, uploadImport } from "../api";
import { countOf } from "../format";
import styles from "./generation.module.css";
import { ImportFormats } from "./import-formats";
import { ImportReport } from "./import-report";
import { PasteBox, type PastedText } from "./paste-box";
import { SectionNav } from "./section-nav";

type Step = { phase: "checked" | "imported"; report: TImportResponse } | null;

/** Upload, check (a dry run that writes nothing), then import: rejects are seen before anything lands. */
export function ImportPage({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [kind, setKind] = useState<ImportKind>("prompts");
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [source, setSource] = useState<"file" | "paste">("file");
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState<PastedText>({ text: "", format: "lines" });
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(null);
  const input = useRef<HTMLInputElement>(null);

  function choose(next: File | null) {
    setFile(next);
    setStep(null);
    setError(null);
  }

  // Pasted text travels as a file too: one import path, one per-line report.
  const pastedFormat: ImportFormat = kind === "prompts" ? pasted.format : "jsonl";
  const payload =
    source === "file"
      ? file
      : pasted.text.trim()
        ? new File([pasted.text], pastedFormat === "lines" ? "pasted.txt" : "pasted.jsonl", {
            type: "text/plain",
          })
        : null;

  async function send(dryRun: boolean) {
    if (!payload) return;
    setBusy(dryRun ? "check" : "import");
    setError(null);
    try {
      const report = await uploadImport(projectId, kind, payload, {
        dryRun,
        mode,
        ...(source === "paste" ? { format: pastedFormat } : {}),
      });
      setStep({ phase: dryRun ? "checked" : "imported", report });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  const checked = step?.phase === "checked" ? step.report : null;
  const blocked = checked !== null && mode === "all-or-nothing" && checked.rejected > 0;
  const nothingNew = checked !== null && checked.imported === 0;

  return (
    <>
      <PageHeader
        eyebrow={<a href={`/projects/${projectId}`}>← {projectName}</a>}
        title="Import"
        description="Bring your own prompts, or completions of prompts already here, as JSONL or CSV, or paste them. Everything is checked first; nothing is written until you import."
      />
      <SectionNav projectId={projectId} />
      <div className={styles.stack}>
        <Card>
          <CardBody className={styles.stack}>
            <div className={styles.twoCols}>
              <fieldset className={styles.formSection}>
                <legend>What the file holds</legend>
                <div role="radiogroup" aria-label="What the file holds" className={styles.segmented}>
                  {(["prompts", "completions"] as const).map((k) => (
                    <label key={k}>
                      <input
                        type="radio"
                        name="kind"
                        checked={kind === k}
                        onChange={() => {
                          setKind(k);
                          setStep(null);
                        }}
                      />
                      {k === "prompts" ? "Prompts" : "Completions"}
                    </label>
                  ))}
                </div>
              </fieldset>
              <fieldset className={styles.formSection}>
                <legend>When some lines are bad</legend>
                <label className={styles.checkRow}>
                  <input
                    type="radio"
                    name="mode"
                    checked={mode === "all-or-nothing"}
                    onChange={() => {
                      setMode("all-or-nothing");
                      setStep(null);
                    }}
                  />
                  Import nothing until every line is good
                </label>
                <label className={styles.checkRow}>
                  <input
                    type="radio"
                    name="mode"
                    checked={mode === "partial"}
                    onChange={() => {
                      setMode("partial");
                      setStep(null);
                    }}
                  />
                  Import the good lines, report the rest
                </label>
              </fieldset>
            </div>

            <fieldset className={styles.formSection}>
              <legend>Source</legend>
              <div role="radiogroup" aria-label="Source" className={styles.segmented}>
                {(["file", "paste"] as const).map((s) => (
                  <label key={s}>
                    <input
                      type="radio"
                      name="source"
                      checked={source === s}
                      onChange={() => {
                        setSource(s);
                        setStep(null);
                        setError(null);
                      }}
                    />
                    {s === "file" ? "Upload a file" : "Paste text"}
                  </label>
                ))}
              </div>
            </fieldset>

            {source === "paste" ? (
              <PasteBox
                kind={kind}
                value={pasted}
                onChange={(next) => {
                  setPasted(next);
                  setStep(null);
                }}
              />
            ) : (
              <label
                className={`${styles.drop} ${dragging ? styles.dropActive : ""}`}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={(e) => {
                  e.preventDefault();
                  setDragging(false);
                  choose(e.dataTransfer.files[0] ?? null);
                }}
              >
                <input
                  ref={input}
                  type="file"
                  accept=".jsonl,.ndjson,.json,.csv"
                  aria-label="File to import"
                  onChange={(e) => choose(e.target.files?.[0] ?? null)}
                />
                <span aria-hidden style={{ fontSize: 28 }}>
                  ↥
                </span>
                {file ? (
                  <>
                    <strong data-testid="import-file">{file.name}</strong>
                    <span>{formatBytes(file.size)} · choose another file or drop it here</span>
                  </>
                ) : (
                  <>
                    <strong>Choose a .jsonl or .csv file</strong>
                    <span>or drop it here · up to the server’s import limit</span>
                  </>
                )}
              </label>
            )}

            <FormError message={error} />

            <div className={styles.cardActions}>
              <Button
                variant={checked ? "secondary" : "primary"}
                disabled={!payload}
                loading={busy === "check"}
                onClick={() => void send(true)}
              >
                {checked ? "Check again" : source === "paste" ? "Check text" : "Check file"}
              </Button>
              <Button
                variant="primary"
                disabled={!checked || blocked || nothingNew || busy !== null}
                loading={busy === "import"}
                onClick={() => void send(false)}
              >
                {checked && !blocked && !nothingNew
                  ? `Import ${countOf(checked.imported, kind)}`
                  : `Import ${kind}`}
              </Button>
              <span className={styles.note}>
                {!payload
                  ? source === "paste"
                    ? "Paste some lines to start."
                    : "Pick a file to start."
                  : !checked && step === null
                    ? "Check first: a dry run reports every bad line and writes nothing."
                    : blocked
                      ? "Fix the rejected lines, or choose to import the good lines."
                      : nothingNew
                        ? "Nothing new to import."
                        : null}
              </span>
            </div>
          </CardBody>
        </Card>

        {step ? <ImportReport kind={kind} phase={step.phase} report={step.report} /> : null}
        {step?.phase === "imported" && step.report.imported > 0 ? (
          <div className={styles.cardActions}>
            {kind === "prompts" ? (
              <ButtonLink variant="primary" href={`/projects/${projectId}/runs`}>
                Generate completions
              </ButtonLink>
            ) : null}
            <ButtonLink href={`/projects/${projectId}/items`}>Build items</ButtonLink>
            <Button
              variant="ghost"
              onClick={() => {
                choose(null);
                setPasted({ ...pasted, text: "" });
                if (input.current) input.current.value = "";
              }}
            >
              Import more
            </Button>
          </div>
        ) : null}

        <Card>
          <CardHeader
            title="File formats"
            description="One record per line (JSONL), or a CSV with a header row."
          />
          <CardBody>
            <ImportFormats kind={kind} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
