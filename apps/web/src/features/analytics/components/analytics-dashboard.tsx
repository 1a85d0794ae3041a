"use client";

import type { TProject, TProjectStats } from "@arbiter/shared";
import { ButtonLink, EmptyState, PageHeader, ProgressBar } from "@/components/ui";
import { hours, int, pct, rateWindow } from "../format";
import { AgreementSummary } from "./agreement-chart";
import styles from "./analytics.module.css";
import { AspectMeans, LengthBuckets, PositionLengthBias } from "./bias-charts";
import { LeaderboardChart, WinRateMatrix } from "./leaderboard-charts";
import { JudgmentsOverTime } from "./progress-chart";

export function AnalyticsDashboard({ project, stats: s }: { project: TProject; stats: TProjectStats }) {
  const items = s.progress.items;
  const excluded = s.excluded.annotators
    ? ` · ${int(s.excluded.judgments)} answers of ${s.excluded.annotators} excluded annotator${s.excluded.annotators === 1 ? "" : "s"} left out`
    : "";
  return (
    <div className={styles.dashboard}>
      <PageHeader
        eyebrow={<a href={`/projects/${project.id}`}>← {project.name}</a>}
        title="Analytics"
        description={`${int(s.judgments)} judgments analysed (gold items left out)${excluded} · updated ${new Date(s.generatedAt).toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit" })}`}
        actions={
          <ButtonLink href={`/api/v1/projects/${project.id}/stats`} variant="secondary">
            JSON
          </ButtonLink>
        }
      />
      <div className={styles.kpis}>
        <div className={styles.kpi}>
          <div className={styles.kpiLabel}>Items complete</div>
          <div className={styles.kpiValue}>{pct(items.total ? items.complete / items.total : null)}</div>
          <ProgressBar value={items.complete} max={Math.max(1, items.total)} label="Items complete" />
          <div className={styles.kpiNote}>
            {int(items.complete)} done · {int(items.inProgress)} in progress · {int(items.untouched)}{" "}
            untouched
          </div>
        </div>
        <div className={styles.kpi}>
          <div className={styles.kpiLabel}>Rate</div>
          <div className={styles.kpiValue}>
            {s.progress.ratePerHour.toFixed(1)}
            <span className={styles.unit}>/h</span>
          </div>
          <div className={styles.kpiNote}>counted judgments, {rateWindow(s.progress.rateWindowHours)}</div>
        </div>
        <div className={styles.kpi}>
          <div className={styles.kpiLabel}>Time to finish</div>
          <div className={styles.kpiValue}>{hours(s.progress.projectedHoursToFinish)}</div>
          <div className={styles.kpiNote}>
            {int(s.progress.remainingJudgments)} judgments to go at the current rate
          </div>
        </div>
        <div className={styles.kpi}>
          <div className={styles.kpiLabel}>Active annotators</div>
          <div className={styles.kpiValue}>{int(s.progress.activeAnnotators.lastDay)}</div>
          <div className={styles.kpiNote}>
            last 24 h · {int(s.progress.activeAnnotators.lastWeek)} in 7 days
          </div>
        </div>
      </div>
      {s.judgments === 0 ? (
        <EmptyState icon="◔" title="No judgments yet">
          Charts of agreement, model win rates and biases appear here as soon as annotators start answering.
        </EmptyState>
      ) : (
        <div className={styles.grid}>
          <JudgmentsOverTime progress={s.progress} />
          <AgreementSummary agreement={s.agreement} />
          <PositionLengthBias biases={s.biases} />
          {s.leaderboard.rows.length ? (
            <>
              <LeaderboardChart leaderboard={s.leaderboard} />
              <WinRateMatrix matrix={s.leaderboard.matrix} />
            </>
          ) : null}
          {s.biases.lengthBuckets.length ? <LengthBuckets buckets={s.biases.lengthBuckets} /> : null}
          {s.biases.aspects.length ? (
            <AspectMeans aspects={s.biases.aspects} order={s.leaderboard.matrix.models} />
          ) : null}
        </div>
      )}
    </div>
  );
}
