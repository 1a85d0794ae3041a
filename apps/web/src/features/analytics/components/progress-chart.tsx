"use client";

import type { TProjectStats } from "@arbiter/shared";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, baselineAxisProps, gridStroke, tooltipProps } from "@/components/ui/chart";
import { int, rateWindow } from "../format";
import styles from "./analytics.module.css";
import { ChartCard } from "./chart-card";

const dayLabel = (iso: string) =>
  new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
const hourLabel = (iso: string) =>
  new Date(iso).toLocaleString("en", {
    weekday: "short",
    hour: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  });

export function JudgmentsOverTime({ progress }: { progress: TProjectStats["progress"] }) {
  const [unit, setUnit] = useState<"day" | "hour">("day");
  // The last 30 days read well at a glance; the API keeps 90 for the table and CSV.
  const series = unit === "day" ? progress.perDay.slice(-30) : progress.perHour;
  const data = series.map((p) => ({
    at: p.at,
    label: unit === "day" ? dayLabel(p.at) : hourLabel(p.at),
    count: p.count,
  }));
  const full = unit === "day" ? progress.perDay : progress.perHour;
  return (
    <ChartCard
      wide
      title="Judgments over time"
      description={`All answers, UTC · ${progress.ratePerHour.toFixed(1)} counted per hour over ${rateWindow(progress.rateWindowHours)}`}
      table={{
        filename: `judgments-per-${unit}.csv`,
        header: [unit === "day" ? "day (UTC)" : "hour (UTC)", "judgments"],
        rows: full.map((p) => [p.at, p.count]),
      }}
    >
      <div className={styles.chartTools}>
        {(["day", "hour"] as const).map((u) => (
          <button key={u} type="button" aria-pressed={unit === u} onClick={() => setUnit(u)}>
            {u === "day" ? "Last 30 days" : "Last 48 hours"}
          </button>
        ))}
      </div>
      <div className={styles.chartBox}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
            <CartesianGrid vertical={false} stroke={gridStroke} />
            <XAxis dataKey="label" {...baselineAxisProps} minTickGap={24} />
            <YAxis {...axisProps} allowDecimals={false} tickFormatter={int} />
            <Tooltip {...tooltipProps} formatter={(v) => [int(Number(v)), "Judgments"]} />
            <Bar
              dataKey="count"
              fill="var(--accent)"
              radius={[3, 3, 0, 0]}
              maxBarSize={28}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
