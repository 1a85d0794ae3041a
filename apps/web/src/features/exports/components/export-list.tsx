"use client";

import type { TExport } from "@arbiter/shared";
import Link from "next/link";
import { useEffect, useState } from "react";
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  CardHeader,
  count,
  EmptyState,
  ProgressBar,
  RelativeTime,
  useCopy,
} from "@/components/ui";
import { fileUrl } from "../api";
import { FORMAT_INFO } from "../form";
import styles from "./exports.module.css";

const STATUS: Record<TExport["status"], [string, BadgeTone]> = {
  QUEUED: ["Queued", "neutral"],
  RUNNING: ["Running", "accent"],
  SUCCEEDED: ["Ready", "success"],
  FAILED: ["Failed", "danger"],
  CANCELLED: ["Cancelled", "warning"],
};

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const rowsLabel = (n: number) => `${count(n)} ${n === 1 ? "row" : "rows"}`;

/** A training script's download: an API key instead of a session, every file of the export. */
export function curlCommand(origin: string, e: TExport): string {
  const parts = e.files.map((f) => `  -o ${f.name} "${origin}${fileUrl(e.id, f.name)}"`);
  return `curl -fL -H "Authorization: Bearer $ARBITER_API_KEY" \\\n${parts.join(" \\\n")}`;
}

/** The site's own address, known only in the browser (the server may sit behind a proxy). */
function useOrigin(): string {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return origin;
}

export function ExportList({ exports, pollError }: { exports: TExport[]; pollError: string | null }) {
  const origin = useOrigin();
  return (
    <Card className={styles.list} data-testid="export-list">
      <CardHeader
        title="Exports"
        description="Newest first. Files stay in the server's export folder."
        actions={
          pollError ? (
            <span className={styles.failed} role="status">
              Cannot refresh: {pollError}
            </span>
          ) : null
        }
      />
      {exports.length === 0 ? (
        <EmptyState icon="⇣" title="No exports yet">
          Choose the options above, check the preview, then run the export. Its files appear here.
        </EmptyState>
      ) : (
        <ul className={styles.exportItems}>
          {exports.map((e) => (
            <ExportItem key={e.id} e={e} origin={origin} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ExportItem({ e, origin }: { e: TExport; origin: string }) {
  const [label, tone] = STATUS[e.status];
  const dataFiles = e.files.filter((f) => f.split);
  const size = dataFiles.reduce((s, f) => s + f.bytes, 0);
  const p = e.params;
  const splits = Object.entries(p.splits)
    .map(([name, share]) => `${name} ${Math.round(share * 1000) / 10}%`)
    .join(" · ");
  return (
    <li className={styles.exportItem} data-export={e.id} data-status={e.status}>
      <div className={styles.exportHead}>
        <span className={styles.exportTitle}>{FORMAT_INFO[e.format].label}</span>
        <Badge tone={tone}>{label}</Badge>
        <span className={styles.exportMeta}>
          <RelativeTime iso={e.createdAt} />
          <span>{p.aggregation === "per-judgment" ? "per judgment" : p.aggregation}</span>
          <span>{splits}</span>
          {e.status === "SUCCEEDED" ? (
            <>
              <span>{rowsLabel(e.rowCount ?? 0)}</span>
              <span>{bytes(size)}</span>
            </>
          ) : null}
        </span>
      </div>
      <div className={styles.exportBody}>
        {e.status === "QUEUED" || e.status === "RUNNING" ? (
          <div className={styles.progressLine}>
            <ProgressBar value={Math.round(e.progress * 100)} max={100} label="Export progress" />
            <span>{e.status === "QUEUED" ? "Waiting for a worker" : `${Math.round(e.progress * 100)}%`}</span>
          </div>
        ) : null}
        {e.status === "FAILED" ? <p className={styles.failed}>{e.error ?? "The export failed."}</p> : null}
        {e.status === "SUCCEEDED" ? <Downloads e={e} origin={origin} /> : null}
      </div>
    </li>
  );
}

function Downloads({ e, origin }: { e: TExport; origin: string }) {
  const command = curlCommand(origin, e);
  const [copied, copy] = useCopy(command);
  return (
    <>
      <div className={styles.files}>
        {e.files.map((f) => (
          <a key={f.name} className={styles.file} href={fileUrl(e.id, f.name)} download={f.name}>
            ⇣ {f.name}
            <span className={styles.fileSize}>
              {f.split ? `${rowsLabel(f.rows)} · ` : ""}
              {bytes(f.bytes)}
            </span>
          </a>
        ))}
      </div>
      <div className={styles.curl}>
        <pre className={styles.curlCode} data-copy={command} data-testid="curl-command">
          {command}
        </pre>
        <Button size="sm" onClick={copy} aria-live="polite">
          {copied ? "Copied ✓" : "Copy curl"}
        </Button>
        <p className={styles.curlHelp}>
          The command reads an API key from <code>$ARBITER_API_KEY</code>.{" "}
          <Link href="/account/api-keys">Create an API key</Link>
        </p>
      </div>
    </>
  );
}
