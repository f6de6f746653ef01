"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ReportModel, SafetyReport } from "./types";

/** From least to most severe: amber to dark red, so the order reads without the legend. */
const PALETTE = ["#fbbf24", "#f97316", "#dc2626", "#991b1b", "#7f1d1d", "#450a0a"];

/**
 * How severe each model's violating items were: one stacked bar per model, a segment per
 * severity level (counts of items with a final decision).
 */
export function SeverityChart({
  models,
  severities,
}: {
  models: ReportModel[];
  severities: SafetyReport["severities"];
}) {
  const label = "Violating items per model by severity";
  const data = models.map((m) => ({
    model: m.name,
    ...Object.fromEntries(severities.map((s) => [s.id, m.severities[s.id] ?? 0])),
  }));
  const any = models.some((m) => severities.some((s) => (m.severities[s.id] ?? 0) > 0));
  return (
    <figure aria-label={label} data-testid="severity-chart">
      {any ? (
        <ResponsiveContainer width="100%" height={Math.max(140, 40 * data.length + 80)}>
          <BarChart layout="vertical" data={data} margin={{ top: 10, right: 24, bottom: 10, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="model" width={160} />
            <Tooltip />
            {/* In the policy's order (least to most severe), not alphabetical. */}
            <Legend itemSorter={null} />
            {severities.map((s, i) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.label}
                stackId="severity"
                fill={PALETTE[Math.min(i, PALETTE.length - 1)]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : null}
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
        {label}
        {any ? " (counts of decided items)." : ": no violating item decided yet."}
      </figcaption>
    </figure>
  );
}
