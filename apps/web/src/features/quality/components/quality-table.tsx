"use client";

import type { TAnnotatorQuality } from "@arbiter/shared";
import { Fragment, useState } from "react";
import {
  ActionsHeader,
  Badge,
  Button,
  count,
  EmptyState,
  nextSort,
  pct,
  type Sort,
  SortHeader,
  sortRows,
} from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { COLUMN_VALUE, type Column, FLAG_LABEL, pValue, STATUS, seconds } from "../measures";
import local from "./quality.module.css";

export type QualityAction = { kind: "quarantine" | "clear" | "suspend"; annotator: TAnnotatorQuality };

const HEADERS: { column: Column; label: string; numeric?: boolean; title?: string }[] = [
  { column: "name", label: "Annotator" },
  { column: "status", label: "Status" },
  { column: "judgments", label: "Judged", numeric: true, title: "Counted judgments, and per active day" },
  {
    column: "gold",
    label: "Gold",
    numeric: true,
    title: "Accuracy on gold items, and how many were answered",
  },
  {
    column: "agreement",
    label: "Agreement",
    numeric: true,
    title: "Agreement with the leave-one-out majority of the other annotators on the same items",
  },
  {
    column: "firstShown",
    label: "First shown",
    numeric: true,
    title: "Share of choices for the option shown first; binomial test against 50 %",
  },
  { column: "tie", label: "Tie", numeric: true, title: "Share of ties" },
  {
    column: "bothBad",
    label: "Both bad",
    numeric: true,
    title: "Share of answers saying both options are bad",
  },
  { column: "median", label: "Median", numeric: true, title: "Median seconds per item" },
  {
    column: "fast",
    label: "Too fast",
    numeric: true,
    title: "Share of answers faster than the project's floor",
  },
];

// Most columns read best worst-first: a new sort on them starts descending.
const ASCENDING_FIRST = new Set<Column>(["name", "status", "gold", "agreement", "median"]);

export function QualityTable({
  annotators,
  canAct,
  onAction,
}: {
  annotators: TAnnotatorQuality[];
  canAct: boolean;
  onAction: (action: QualityAction) => void;
}) {
  const [sort, setSort] = useState<Sort<Column>>({ key: "status", dir: "asc" });
  if (annotators.length === 0)
    return (
      <EmptyState title="No judgments yet">
        Annotators appear here with their measures after their first answer in this project.
      </EmptyState>
    );
  const rows = sortRows(annotators, sort, (a, k) => COLUMN_VALUE[k](a));
  const columns = HEADERS.length + (canAct ? 1 : 0);
  return (
    <div className={tableStyles.wrap}>
      <table className={`${tableStyles.table} ${local.table}`}>
        <thead>
          <tr>
            {HEADERS.map((h) => (
              <SortHeader
                key={h.column}
                label={h.label}
                column={h.column}
                sort={sort}
                numeric={h.numeric}
                title={h.title}
                onSort={(c) => setSort(nextSort(sort, c, ASCENDING_FIRST.has(c) ? "asc" : "desc"))}
              />
            ))}
            {canAct ? <ActionsHeader /> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <Fragment key={a.user.id}>
              <tr
                data-testid="quality-row"
                data-flagged={a.flags.length > 0 || undefined}
                className={a.flags.length ? local.flaggedRow : undefined}
              >
                <td>
                  <div className={textStyles.primaryText}>{a.user.name}</div>
                  <div
                    className={`${textStyles.secondaryText} ${local.email}`}
                    title={a.user.email ?? `Pseudonym in exports: ${a.user.pseudonym}`}
                  >
                    {a.user.email ?? a.user.pseudonym}
                  </div>
                </td>
                <td>
                  <Badge tone={STATUS[a.status].tone}>{STATUS[a.status].label}</Badge>
                  {a.reason && a.status !== "ADMITTED" && a.status !== "QUALIFYING" ? (
                    <div className={local.reason} title={a.reason}>
                      {a.reason}
                    </div>
                  ) : null}
                </td>
                <td className={tableStyles.num}>
                  {count(a.judgments)}
                  <div className={textStyles.secondaryText}>{a.perDay.toFixed(1)}/day</div>
                </td>
                <td className={tableStyles.num}>
                  {pct(a.goldAccuracy)}
                  {a.goldAnswered ? (
                    <div className={textStyles.secondaryText}>of {count(a.goldAnswered)}</div>
                  ) : null}
                </td>
                <td className={tableStyles.num}>
                  {pct(a.agreement)}
                  {a.agreementItems ? (
                    <div className={textStyles.secondaryText}>
                      {count(a.agreementItems)} {a.agreementItems === 1 ? "item" : "items"}
                    </div>
                  ) : null}
                </td>
                <td className={tableStyles.num}>
                  {pct(a.firstShownShare)}
                  <div className={textStyles.secondaryText}>{pValue(a.positionP)}</div>
                </td>
                <td className={tableStyles.num}>{pct(a.tieRate)}</td>
                <td className={tableStyles.num}>{pct(a.bothBadRate)}</td>
                <td className={tableStyles.num}>{seconds(a.medianSeconds)}</td>
                <td className={tableStyles.num}>{pct(a.fastShare)}</td>
                {canAct ? (
                  <td className={tableStyles.actions}>
                    <div className={`${tableStyles.actionsInner} ${local.stacked}`}>
                      {a.status === "QUARANTINED" || a.status === "REJECTED" ? (
                        <Button size="sm" onClick={() => onAction({ kind: "clear", annotator: a })}>
                          Clear
                        </Button>
                      ) : (
                        <Button size="sm" onClick={() => onAction({ kind: "quarantine", annotator: a })}>
                          Quarantine
                        </Button>
                      )}
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => onAction({ kind: "suspend", annotator: a })}
                      >
                        Suspend
                      </Button>
                    </div>
                  </td>
                ) : null}
              </tr>
              {a.flags.length ? (
                <tr className={local.flagRow} data-testid="quality-flags">
                  <td colSpan={columns}>
                    <ul className={local.flags} aria-label={`Flags for ${a.user.name}`}>
                      {a.flags.map((f) => (
                        <li key={f.kind}>
                          <Badge tone="warning">⚑ {FLAG_LABEL[f.kind]}</Badge>
                          <span>{f.detail}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
