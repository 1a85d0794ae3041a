"use client";

import type { TProjectStats } from "@arbiter/shared";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  axisProps,
  barLabelProps,
  baselineAxisProps,
  gridStroke,
  seriesColor,
  tooltipProps,
} from "@/components/ui/chart";
import { int, num, pct, raw } from "../format";
import styles from "./analytics.module.css";
import { ChartCard } from "./chart-card";

type Biases = TProjectStats["biases"];
type Share = Biases["length"];

const errorOf = (s: Share) => (s.share !== null && s.ci ? [s.share - s.ci.low, s.ci.high - s.share] : [0, 0]);

export function PositionLengthBias({ biases: b }: { biases: Biases }) {
  const data = [
    {
      label: "Shown first",
      share: b.position.share ?? 0,
      shown: b.position.share,
      err: errorOf(b.position),
      of: b.position.of,
    },
    {
      label: "Longer answer",
      share: b.length.share ?? 0,
      shown: b.length.share,
      err: errorOf(b.length),
      of: b.length.of,
    },
  ];
  return (
    <ChartCard
      title="Position and length bias"
      description={`Share of decisive answers won by the option shown first (no bias: ${pct(b.position.expected)}) and by the longer completion, with 95% Wilson intervals`}
      table={{
        filename: "position-length-bias.csv",
        header: ["measure", "wins", "of", "share", "ci_low", "ci_high", "expected_without_bias"],
        rows: [
          [
            "shown first",
            b.position.hits,
            b.position.of,
            raw(b.position.share),
            raw(b.position.ci?.low),
            raw(b.position.ci?.high),
            raw(b.position.expected),
          ],
          [
            "longer completion",
            b.length.hits,
            b.length.of,
            raw(b.length.share),
            raw(b.length.ci?.low),
            raw(b.length.ci?.high),
            0.5,
          ],
        ],
      }}
    >
      <div className={styles.chartBoxShort}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 0, left: 8 }}>
            <CartesianGrid horizontal={false} stroke={gridStroke} />
            <XAxis
              type="number"
              domain={[0, 1]}
              tickFormatter={(v: number) => pct(v)}
              {...baselineAxisProps}
            />
            <YAxis type="category" dataKey="label" {...axisProps} width={110} />
            <ReferenceLine x={b.position.expected} stroke="var(--text-subtle)" strokeDasharray="4 4" />
            <Tooltip
              {...tooltipProps}
              formatter={(_v, _n, item) => [
                `${pct(item.payload.shown, 1)} of ${int(item.payload.of)}`,
                "Share",
              ]}
            />
            <Bar
              dataKey="share"
              fill="var(--series-2)"
              barSize={18}
              radius={[0, 3, 3, 0]}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="err" direction="x" width={6} strokeWidth={1.5} stroke="var(--text)" />
              <LabelList
                dataKey="shown"
                position="right"
                offset={24}
                formatter={(v: unknown) => pct(v as number | null, 1)}
                {...barLabelProps}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}

export function LengthBuckets({ buckets }: { buckets: Biases["lengthBuckets"] }) {
  const label = (b: Biases["lengthBuckets"][number]) =>
    b.max === null ? `${int(b.min)}+` : `${int(b.min)}–${int(b.max)}`;
  const data = buckets.map((b) => ({
    label: label(b),
    rate: b.winRate,
    err: [b.winRate - b.ci.low, b.ci.high - b.winRate],
    games: b.games,
  }));
  return (
    <ChartCard
      title="Win rate by completion length"
      description="Completion length in characters; ties count half; 95% Wilson intervals"
      table={{
        filename: "win-rate-by-length.csv",
        header: ["length_min", "length_max", "games", "win_rate", "ci_low", "ci_high"],
        rows: buckets.map((b) => [b.min, b.max, b.games, raw(b.winRate), raw(b.ci.low), raw(b.ci.high)]),
      }}
    >
      <div className={styles.chartBoxShort}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid vertical={false} stroke={gridStroke} />
            <XAxis dataKey="label" {...baselineAxisProps} />
            <YAxis domain={[0, 1]} tickFormatter={(v: number) => pct(v)} {...axisProps} />
            <ReferenceLine y={0.5} stroke="var(--text-subtle)" strokeDasharray="4 4" />
            <Tooltip
              {...tooltipProps}
              formatter={(_v, _n, item) => [
                `${pct(item.payload.rate, 1)} of ${int(item.payload.games)} games`,
                "Win rate",
              ]}
            />
            <Bar
              dataKey="rate"
              fill="var(--series-3)"
              maxBarSize={48}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="err" width={6} strokeWidth={1.5} stroke="var(--text)" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}

export function AspectMeans({ aspects, order }: { aspects: Biases["aspects"]; order: string[] }) {
  // Leaderboard order first, so colours line up with the ranking.
  const rank = (m: string) => (order.includes(m) ? order.indexOf(m) : order.length);
  const models = [...new Set(aspects.map((a) => a.model))].sort((x, y) => rank(x) - rank(y));
  const names = [...new Set(aspects.map((a) => a.aspect))];
  const data = names.map((aspect) => {
    const row: Record<string, string | number> = { aspect };
    for (const a of aspects.filter((x) => x.aspect === aspect)) row[a.model] = a.mean;
    return row;
  });
  return (
    <ChartCard
      title="Aspect ratings by model"
      description="Mean rating annotators gave each model's completions"
      table={{
        filename: "aspect-means.csv",
        header: ["aspect", "model", "mean", "ratings"],
        rows: aspects.map((a) => [a.aspect, a.model, raw(a.mean, 3), a.n]),
      }}
    >
      <div className={styles.chartBoxShort}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid vertical={false} stroke={gridStroke} />
            <XAxis dataKey="aspect" {...baselineAxisProps} />
            <YAxis {...axisProps} allowDecimals={false} domain={[0, (max: number) => Math.ceil(max)]} />
            <Tooltip {...tooltipProps} formatter={(v) => num(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12, color: "var(--text-muted)" }} />
            {models.map((model, i) => (
              <Bar
                key={model}
                dataKey={model}
                fill={seriesColor(i)}
                radius={[3, 3, 0, 0]}
                maxBarSize={28}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
