"use client";

import type { TAdaptiveSummary, TAnnotatorEstimate, TAnnotatorQuality } from "@arbiter/shared";
import { count, EmptyState, pct, RelativeTime } from "@/components/ui";
import tableStyles from "@/components/ui/table.module.css";
import textStyles from "@/components/ui/text.module.css";
import { positionBias } from "../measures";
import local from "./quality.module.css";

/**
 * The worker's annotator-aware fit: estimated accuracy with its 95 % interval drawn on a
 * 0–100 % track, position bias, and (from repeats) self-consistency.
 */
export function EstimatesTable({
  estimates,
  annotators,
  adaptive,
}: {
  estimates: TAnnotatorEstimate[];
  annotators: TAnnotatorQuality[];
  adaptive: TAdaptiveSummary | null;
}) {
  const byId = new Map(annotators.map((a) => [a.user.id, a]));
  return (
    <section className={local.section} aria-labelledby="estimates-title">
      <h2 id="estimates-title" className={local.sectionTitle}>
        Model estimates
      </h2>
      <p className={local.sectionText}>
        Accuracy and position bias as the annotator-aware model (Dawid–Skene with a position term) estimates
        them from everyone's answers, gold or not.
        {adaptive?.fittedAt ? (
          <>
            {" "}
            Fitted <RelativeTime iso={adaptive.fittedAt} />.
          </>
        ) : null}
      </p>
      {estimates.length === 0 ? (
        <EmptyState title="No estimates yet">
          {adaptive
            ? "The worker fits this project a few seconds after new answers arrive."
            : "Estimates are fitted for projects with dynamic overlap or an active selection rule."}
        </EmptyState>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={`${tableStyles.table} ${local.table}`}>
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                <th scope="col" title="Probability of giving the true answer, with its 95 % interval">
                  Estimated accuracy
                </th>
                <th
                  scope="col"
                  className={tableStyles.num}
                  title="0: none; +1: always the option shown first"
                >
                  Position bias
                </th>
                <th
                  scope="col"
                  className={tableStyles.num}
                  title="Share of consistency repeats answered as the first time"
                >
                  Self-consistency
                </th>
                <th scope="col" className={tableStyles.num}>
                  Answers
                </th>
              </tr>
            </thead>
            <tbody>
              {estimates.map((e) => {
                const a = byId.get(e.userId);
                const { low, high } = e.accuracyInterval;
                return (
                  <tr key={e.userId} data-testid="estimate-row">
                    <td>
                      <div className={textStyles.primaryText}>{a?.user.name ?? "—"}</div>
                      <div className={`${textStyles.secondaryText} ${local.email}`}>
                        {a?.user.email ?? a?.user.pseudonym}
                      </div>
                    </td>
                    <td>
                      <div className={local.interval}>
                        <span className={local.intervalValue}>{pct(e.accuracy)}</span>
                        <span
                          className={local.intervalTrack}
                          role="img"
                          aria-label={`${pct(e.accuracy)}, 95 % interval ${pct(low)} to ${pct(high)}`}
                        >
                          <span
                            className={local.intervalRange}
                            style={{ left: `${low * 100}%`, width: `${Math.max(0, high - low) * 100}%` }}
                          />
                          <span className={local.intervalPoint} style={{ left: `${e.accuracy * 100}%` }} />
                        </span>
                      </div>
                      <div className={textStyles.secondaryText}>
                        {pct(low)} – {pct(high)}
                      </div>
                    </td>
                    <td className={tableStyles.num}>{positionBias(e.positionBias)}</td>
                    <td className={tableStyles.num}>{pct(a?.selfConsistency ?? null)}</td>
                    <td className={tableStyles.num}>{count(e.answers)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
