import type { TImportResponse } from "@arbiter/shared";
import { Badge, Card, CardBody, CardHeader, count } from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import { countOf } from "../format";
import styles from "./generation.module.css";

/** What a check or an import found: counts, then each rejected line with its number and reason. */
export function ImportReport({
  kind,
  phase,
  report: r,
}: {
  kind: "prompts" | "completions";
  phase: "checked" | "imported";
  report: TImportResponse;
}) {
  const wrote = phase === "imported" && !r.rolledBack;
  const title =
    phase === "checked"
      ? "Check: nothing was written"
      : wrote
        ? `Imported ${countOf(r.imported, kind)}`
        : "Nothing was imported";
  return (
    <Card data-testid="import-report" aria-live="polite">
      <CardHeader
        title={
          <span className={styles.reportHead}>
            {title}
            {r.rejected === 0 ? (
              <Badge tone="success">All lines good</Badge>
            ) : (
              <Badge tone={r.mode === "partial" ? "warning" : "danger"}>{count(r.rejected)} rejected</Badge>
            )}
          </span>
        }
        description={
          phase === "checked"
            ? r.mode === "partial"
              ? "Importing will write the good lines and skip the rejected ones."
              : r.rejected > 0
                ? "All or nothing: one bad line and the whole file is refused."
                : "Every line can be imported."
            : undefined
        }
      />
      <CardBody className={styles.stack}>
        <div className={styles.stats}>
          <Stat label="Lines read" value={r.lines} />
          <Stat
            label={phase === "checked" ? "Would import" : "Imported"}
            value={wrote || phase === "checked" ? r.imported : 0}
          />
          <Stat label="Duplicates" value={r.duplicates} note="already here; not added again" />
          <Stat label="Rejected" value={r.rejected} danger={r.rejected > 0} />
        </div>
        {r.rejects.length > 0 ? (
          <div className={tableStyles.wrap}>
            <table className={tableStyles.table} data-testid="import-rejects">
              <thead>
                <tr>
                  <th scope="col" className={tableStyles.num}>
                    Line
                  </th>
                  <th scope="col">Why it was rejected</th>
                </tr>
              </thead>
              <tbody>
                {r.rejects.map((reject) => (
                  <tr key={`${reject.line}-${reject.reason}`}>
                    <td className={tableStyles.num}>{reject.line}</td>
                    <td className={styles.errorText}>{reject.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {r.rejected > r.rejects.length ? (
              <div className={tableStyles.foot}>
                The first {count(r.rejects.length)} of {count(r.rejected)} rejected lines.
              </div>
            ) : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function Stat({
  label,
  value,
  note,
  danger,
}: {
  label: string;
  value: number;
  note?: string;
  danger?: boolean;
}) {
  return (
    <div className={`${styles.stat} ${danger ? styles.statDanger : ""}`}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue}>{count(value)}</div>
      {note ? <div className={styles.statNote}>{note}</div> : null}
    </div>
  );
}
