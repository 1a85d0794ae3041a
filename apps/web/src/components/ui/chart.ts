import type { CSSProperties } from "react";

// Colours come from the design system's tokens (light-dark() values), so charts follow the theme.
export const axisTick = { fill: "var(--text-muted)", fontSize: 12 };
export const gridStroke = "var(--border)";
export const tooltipStyle: CSSProperties = {
  background: "var(--surface)",
  border: "1px solid var(--border-strong)",
  borderRadius: 8,
  color: "var(--text)",
  fontSize: 13,
  boxShadow: "var(--shadow)",
};
export const tooltipLabelStyle: CSSProperties = { color: "var(--text)", fontWeight: 600 };
export const tooltipItemStyle: CSSProperties = { color: "var(--text-muted)" };
export const cursorFill = { fill: "var(--surface-2)" };

/** Spread on a recharts <Tooltip>: the themed box and a soft cursor band. */
export const tooltipProps = {
  cursor: cursorFill,
  contentStyle: tooltipStyle,
  labelStyle: tooltipLabelStyle,
  itemStyle: tooltipItemStyle,
};

/** Spread on an axis: muted tick labels, no tick marks and no axis line. */
export const axisProps = { tick: axisTick, tickLine: false, axisLine: false } as const;

/** Spread on the axis the bars stand on: as axisProps, with the baseline drawn. */
export const baselineAxisProps = { ...axisProps, axisLine: { stroke: gridStroke } } as const;

/** Spread on a <LabelList> that prints values beside or inside the bars. */
export const barLabelProps = { fill: "var(--text)", fontSize: 12 } as const;

export const SERIES = [
  "var(--series-1)",
  "var(--series-2)",
  "var(--series-3)",
  "var(--series-4)",
  "var(--series-5)",
  "var(--series-6)",
];
export const seriesColor = (i: number) => SERIES[i % SERIES.length]!;
