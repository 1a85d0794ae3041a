"use client";

import type { TProjectStats } from "@arbiter/shared";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  axisProps,
  barLabelProps,
  baselineAxisProps,
  gridStroke,
  tooltipProps,
  tooltipStyle,
} from "@/components/ui/chart";
import { int, pct, raw } from "../format";
import styles from "./analytics.module.css";
import { ChartCard } from "./chart-card";

type Board = TProjectStats["leaderboard"];

export function LeaderboardChart({ leaderboard: b }: { leaderboard: Board }) {
  // A vertical category axis runs bottom-up; reversed, the leader is on top as in the table.
  const data = [...b.rows].reverse().map((r) => ({
    model: r.model,
    rating: r.rating,
    ci: r.ratingCi ? [r.rating - r.ratingCi.low, r.ratingCi.high - r.rating] : [0, 0],
    row: r,
  }));
  const lows = b.rows.map((r) => r.ratingCi?.low ?? r.rating);
  const highs = b.rows.map((r) => r.ratingCi?.high ?? r.rating);
  const pad = 10;
  const domain = [
    Math.floor((Math.min(...lows) - pad) / 10) * 10,
    Math.ceil((Math.max(...highs) + pad) / 10) * 10,
  ];
  return (
    <ChartCard
      wide
      title="Model leaderboard"
      description={`Bradley-Terry strength on an Elo-like scale (1000 = average; +400 = 10:1 odds) with 95% bootstrap intervals over ${int(b.items)} items, ${b.bootstrapRounds} rounds`}
      table={{
        filename: "leaderboard.csv",
        header: [
          "rank",
          "model",
          "rating",
          "rating_low",
          "rating_high",
          "games",
          "wins",
          "ties",
          "losses",
          "win_rate",
          "win_rate_low",
          "win_rate_high",
        ],
        rows: b.rows.map((r, i) => [
          i + 1,
          r.model,
          raw(r.rating, 1),
          raw(r.ratingCi?.low, 1),
          raw(r.ratingCi?.high, 1),
          r.games,
          r.wins,
          r.ties,
          r.losses,
          raw(r.winRate),
          raw(r.winRateCi.low),
          raw(r.winRateCi.high),
        ]),
      }}
    >
      <div className={styles.leaderboard}>
        <div className={styles.forest} style={{ height: 40 + 44 * data.length }}>
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid horizontal={false} stroke={gridStroke} />
              <XAxis type="number" dataKey="rating" domain={domain} {...baselineAxisProps} />
              <YAxis
                type="category"
                dataKey="model"
                {...axisProps}
                width={130}
                allowDuplicatedCategory={false}
              />
              <ReferenceLine x={1000} stroke="var(--border-strong)" strokeDasharray="3 3" />
              <Tooltip
                {...tooltipProps}
                cursor={false}
                content={({ payload }) => {
                  const r = payload?.[0]?.payload?.row as Board["rows"][number] | undefined;
                  if (!r) return null;
                  return (
                    <div style={tooltipStyle} className={styles.tooltip}>
                      <strong>{r.model}</strong>
                      <div>
                        Rating {r.rating.toFixed(0)}
                        {r.ratingCi ? ` (${r.ratingCi.low.toFixed(0)}–${r.ratingCi.high.toFixed(0)})` : ""}
                      </div>
                      <div>
                        Win rate {pct(r.winRate, 1)} ({pct(r.winRateCi.low)}–{pct(r.winRateCi.high)})
                      </div>
                      <div>
                        {int(r.wins)} W · {int(r.ties)} T · {int(r.losses)} L
                      </div>
                    </div>
                  );
                }}
              />
              <Scatter data={data} fill="var(--accent)" isAnimationActive={false}>
                <ErrorBar dataKey="ci" direction="x" width={8} strokeWidth={2} stroke="var(--accent)" />
              </Scatter>
            </ScatterChart>
          </ResponsiveContainer>
        </div>
        <div className={styles.boardTable}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>#</th>
                <th>Model</th>
                <th className={styles.num}>Rating</th>
                <th className={styles.num}>W / T / L</th>
                <th className={styles.num}>Win rate (95% CI)</th>
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, i) => (
                <tr key={r.model}>
                  <td className={styles.rank}>{i + 1}</td>
                  <td className={styles.model}>{r.model}</td>
                  <td className={styles.num}>
                    <strong>{r.rating.toFixed(0)}</strong>
                    {r.ratingCi ? (
                      <span className={styles.ci}>
                        {" "}
                        {r.ratingCi.low.toFixed(0)}–{r.ratingCi.high.toFixed(0)}
                      </span>
                    ) : null}
                  </td>
                  <td className={styles.num}>
                    {int(r.wins)} / {int(r.ties)} / {int(r.losses)}
                  </td>
                  <td className={styles.num}>
                    {pct(r.winRate, 1)}
                    <span className={styles.ci}>
                      {" "}
                      {pct(r.winRateCi.low)}–{pct(r.winRateCi.high)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </ChartCard>
  );
}

/** Win-rate matrix as a heat map: one stacked bar per model, one equal segment per opponent. */
export function WinRateMatrix({ matrix: m }: { matrix: Board["matrix"] }) {
  const n = m.models.length;
  // Columns are numbered in leaderboard order; long model names would collide side by side.
  const rows = m.models.map((model, i) => {
    const row: Record<string, string | number | null> = { model: `${i + 1}.\u00a0${model}` };
    m.models.forEach((_, j) => {
      row[`c${j}`] = 1;
      row[`r${j}`] = m.rates[i]![j]!;
    });
    return row;
  });
  const fill = (rate: number | null) =>
    rate === null ? "var(--surface-2)" : rate >= 0.5 ? "var(--accent)" : "var(--danger)";
  const opacity = (rate: number | null) =>
    rate === null ? 1 : 0.12 + Math.min(1, Math.abs(rate - 0.5) * 2) * 0.78;
  return (
    <ChartCard
      title="Win-rate matrix"
      description="Share of games the row model won against the column model, numbered as in the leaderboard (ties count half)"
      table={{
        filename: "win-rate-matrix.csv",
        header: ["model", ...m.models.map((x) => `vs ${x}`), ...m.models.map((x) => `games vs ${x}`)],
        rows: m.models.map((x, i) => [x, ...m.rates[i]!.map((r) => raw(r)), ...m.games[i]!]),
      }}
    >
      <div className={styles.matrix} style={{ height: 48 + 40 * n }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            barCategoryGap={2}
            margin={{ top: 0, right: 8, bottom: 0, left: 8 }}
          >
            <XAxis
              type="number"
              orientation="top"
              domain={[0, n]}
              ticks={m.models.map((_, j) => j + 0.5)}
              tickFormatter={(t: number) => `vs ${Math.floor(t) + 1}`}
              {...axisProps}
              interval={0}
            />
            <YAxis type="category" dataKey="model" {...axisProps} width={110} />
            {m.models.map((opponent, j) => (
              <Bar
                key={opponent}
                dataKey={`c${j}`}
                stackId="row"
                isAnimationActive={false}
                stroke="var(--surface)"
                strokeWidth={2}
              >
                {rows.map((row) => {
                  const rate = row[`r${j}`] as number | null;
                  return <Cell key={String(row.model)} fill={fill(rate)} fillOpacity={opacity(rate)} />;
                })}
                <LabelList
                  dataKey={`r${j}`}
                  position="center"
                  formatter={(v: unknown) => (typeof v === "number" ? pct(v) : "")}
                  {...barLabelProps}
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
