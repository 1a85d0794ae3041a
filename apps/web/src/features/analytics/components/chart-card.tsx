"use client";

import { type ReactNode, useId, useState } from "react";
import { Button, Card, CardBody, CardHeader } from "@/components/ui";
import { type Cell, downloadCsv } from "../csv";
import styles from "./analytics.module.css";

export type ChartTable = { header: string[]; rows: Cell[][]; filename: string };

/** A chart with its numbers one click away, as a table and as CSV. */
export function ChartCard({
  title,
  description,
  table,
  children,
  wide,
}: {
  title: string;
  description?: ReactNode;
  table: ChartTable;
  children: ReactNode;
  wide?: boolean;
}) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const id = useId();
  return (
    <Card className={wide ? styles.wide : undefined} data-chart={table.filename.replace(/\.csv$/, "")}>
      <CardHeader
        title={title}
        actions={
          <>
            <div className={styles.segmented} role="tablist" aria-label={`${title}: view`}>
              {(["chart", "table"] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  aria-controls={`${id}-${v}`}
                  className={view === v ? styles.segmentOn : styles.segment}
                  onClick={() => setView(v)}
                >
                  {v === "chart" ? "Chart" : "Table"}
                </button>
              ))}
            </div>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => downloadCsv(table.filename, table.header, table.rows)}
              aria-label={`Download ${title} as CSV`}
            >
              CSV
            </Button>
          </>
        }
      />
      <CardBody>
        {/* Under the header rather than in it: beside the controls it wraps badly on a phone. */}
        {description ? <p className={styles.lede}>{description}</p> : null}
        {view === "chart" ? (
          <div id={`${id}-chart`} role="tabpanel">
            {children}
          </div>
        ) : (
          <div id={`${id}-table`} role="tabpanel" className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  {table.header.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered
                  <tr key={r}>
                    {row.map((cell, c) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <td key={c} className={typeof cell === "number" ? styles.num : undefined}>
                        {cell ?? "–"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
