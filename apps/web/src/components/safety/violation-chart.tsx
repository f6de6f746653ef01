"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatRate } from "./format-rate";
import type { ReportModel } from "./types";

const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The any-violation rate per model as bars, with the 95% Wilson interval as error bars. Models
 * with no decided item have no rate and are named under the chart instead of drawn at zero.
 */
export function ViolationChart({ models }: { models: ReportModel[] }) {
  const label = "Any-violation rate per model, with 95% intervals";
  const drawn = models.filter((m) => m.violating.n > 0);
  const undecided = models.filter((m) => m.violating.n === 0).map((m) => m.name);
  const data = drawn.map((m) => {
    const { rate, interval } = m.violating;
    return {
      model: m.name,
      rate,
      error: [Math.max(0, rate - interval[0]), Math.max(0, interval[1] - rate)],
      text: formatRate(m.violating),
    };
  });
  return (
    <figure aria-label={label} data-testid="violation-chart">
      {data.length > 0 ? (
        <ResponsiveContainer width="100%" height={Math.max(120, 40 * data.length + 50)}>
          <BarChart layout="vertical" data={data} margin={{ top: 10, right: 24, bottom: 10, left: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 1]} tickFormatter={percentTick} />
            <YAxis type="category" dataKey="model" width={160} />
            <Tooltip
              formatter={(_value, _name, item) => {
                const payload = item.payload as { text?: string } | undefined;
                return [payload?.text ?? "—", "Any violation"];
              }}
            />
            <Bar dataKey="rate" fill="#dc2626" isAnimationActive={false}>
              <ErrorBar dataKey="error" direction="x" width={6} stroke="#450a0a" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      ) : null}
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
        {label}.{undecided.length > 0 ? ` No decided items yet for: ${undecided.join(", ")}.` : null}
      </figcaption>
    </figure>
  );
}
