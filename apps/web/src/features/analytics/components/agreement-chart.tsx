"use client";

import type { TProjectStats } from "@arbiter/shared";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { axisProps, barLabelProps, baselineAxisProps, gridStroke, tooltipProps } from "@/components/ui/chart";
import { num, raw } from "../format";
import styles from "./analytics.module.css";
import { ChartCard } from "./chart-card";

export function AgreementSummary({ agreement: a }: { agreement: TProjectStats["agreement"] }) {
  const measures = [
    { name: "Raw pairwise agreement", short: "Raw agreement", ...a.rawPairwise },
    { name: "Krippendorff's α (choice, nominal)", short: "α choice", ...a.alphaNominal },
    ...(a.alphaOrdinal
      ? [{ name: "Krippendorff's α (signed strength, ordinal)", short: "α strength", ...a.alphaOrdinal }]
      : []),
    ...(a.kendallW ? [{ name: "Kendall's W (per item, mean)", short: "Kendall's W", ...a.kendallW }] : []),
  ];
  const data = measures.map((m) => ({ label: m.short, value: m.value ?? 0, shown: m.value, items: m.items }));
  return (
    <ChartCard
      title="Agreement"
      description="Between annotators on the same item · dashed: α = 0.667 and 0.8 (Krippendorff's thresholds)"
      table={{
        filename: "agreement.csv",
        header: ["measure", "value", "items"],
        rows: measures.map((m) => [m.name, raw(m.value), m.items]),
      }}
    >
      <div className={styles.chartBoxShort}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 0, left: 8 }}>
            <CartesianGrid horizontal={false} stroke={gridStroke} />
            <XAxis
              type="number"
              domain={[Math.min(0, ...data.map((d) => d.value)), 1]}
              {...baselineAxisProps}
            />
            <YAxis type="category" dataKey="label" {...axisProps} width={110} />
            <ReferenceLine x={0.667} stroke="var(--warning)" strokeDasharray="4 4" />
            <ReferenceLine x={0.8} stroke="var(--success)" strokeDasharray="4 4" />
            <Tooltip
              {...tooltipProps}
              formatter={(_v, _n, item) => [
                `${num(item.payload.shown, 3)} over ${item.payload.items} items`,
                "Value",
              ]}
            />
            <Bar
              dataKey="value"
              fill="var(--accent)"
              radius={[0, 3, 3, 0]}
              barSize={18}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="shown"
                position="right"
                formatter={(v: unknown) => num(v as number | null, 2)}
                {...barLabelProps}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className={styles.footnote}>
        {measures.map((m) => `${m.short}: ${m.items.toLocaleString("en")} items`).join(" · ")}
      </p>
    </ChartCard>
  );
}
