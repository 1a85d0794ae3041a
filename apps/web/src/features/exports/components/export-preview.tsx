"use client";

import type { TExportPreview } from "@arbiter/shared";
import { Badge, Card, CardBody, CardHeader, count, Spinner } from "@/components/ui";
import type { PreviewState } from "../hooks/use-preview";
import { type Explanation, emptySplitWarning } from "../reasons";
import { ExclusionReasons } from "./exclusion-reasons";
import styles from "./exports.module.css";

/** Model output is untrusted: it is shown as text (React escapes it), never as markup. */
function pretty(line: string): string {
  try {
    return JSON.stringify(JSON.parse(line), null, 2);
  } catch {
    return line;
  }
}

export function ExportPreview({
  state,
  blocked,
  explanation,
}: {
  state: PreviewState;
  blocked: boolean;
  explanation: Explanation | null;
}) {
  const { preview, loading, error } = state;
  return (
    <Card data-testid="export-preview" aria-busy={loading || undefined}>
      <CardHeader
        title="Preview"
        description="The first rows exactly as the files will hold them"
        actions={
          loading ? (
            <span className={styles.status}>
              <Spinner size={14} /> Updating
            </span>
          ) : null
        }
      />
      <CardBody className={loading && preview ? styles.loadingVeil : undefined}>
        {blocked ? (
          <p className={styles.note}>Fix the marked options to see a preview.</p>
        ) : error ? (
          <p className={styles.failed} role="alert">
            The preview failed: {error}
          </p>
        ) : preview ? (
          <PreviewBody preview={preview} explanation={explanation} />
        ) : Object.keys(state.fieldErrors).length ? (
          <p className={styles.note}>Fix the marked options to see a preview.</p>
        ) : (
          <p className={styles.status}>
            <Spinner size={14} /> Reading the first items…
          </p>
        )}
      </CardBody>
    </Card>
  );
}

function PreviewBody({ preview, explanation }: { preview: TExportPreview; explanation: Explanation | null }) {
  const { source, exact, rows } = preview;
  const splitWarning = explanation ? emptySplitWarning(explanation.emptySplits) : null;
  return (
    <>
      <div className={styles.counts}>
        <Count label="Items" value={source.items} />
        <Count label="Judgments" value={source.judgments} />
        <Count label="Pass filters" value={source.matchingJudgments} testId="matching-judgments" />
      </div>
      <div className={styles.splitCounts} data-testid="split-counts">
        {exact ? (
          <>
            <strong>{count(exact.total)} rows:</strong>
            {Object.entries(exact.rows).map(([split, n]) => (
              <Badge key={split} tone="accent">
                {split} {count(n)}
              </Badge>
            ))}
          </>
        ) : (
          <span className={styles.note}>
            Row counts per split are computed when the export runs (the preview read the first{" "}
            {count(preview.scanned.items)} items).
          </span>
        )}
      </div>
      {splitWarning ? (
        <p className={styles.splitWarning} data-testid="empty-split-warning">
          {splitWarning}
        </p>
      ) : null}
      {explanation ? <ExclusionReasons explanation={explanation} /> : null}
      {rows.length === 0 ? (
        <p className={styles.note}>
          {exact
            ? "The export would be a valid, empty dataset."
            : "No rows in the first items read; later items may still give some when the export runs."}
        </p>
      ) : (
        <ol className={styles.rows} aria-label="First rows">
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the file, not entities
            <li key={i} className={styles.row}>
              <div className={styles.rowHead}>
                <span>Row {i + 1}</span>
                <Badge>{r.split}</Badge>
              </div>
              <pre className={styles.json} data-testid="preview-row">
                {pretty(r.line)}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <div className={styles.count}>
      <div className={styles.countLabel}>{label}</div>
      <div className={styles.countValue} data-testid={testId}>
        {count(value)}
      </div>
    </div>
  );
}
