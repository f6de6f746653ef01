"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatScore } from "./format-curation";
import type { Histogram } from "./types";

export type ThresholdMark = { option: string; value: number; edited: boolean };

/**
 * One score's distribution over the run's measured items, with each threshold on it drawn as a
 * line: solid for the run's value, dashed amber for an edited one (the projected funnel's).
 */
export function ScoreHistogram({ histogram, marks }: { histogram: Histogram; marks: ThresholdMark[] }) {
  const width = (histogram.max - histogram.min) / histogram.counts.length;
  const data = histogram.counts.map((count, i) => ({ at: histogram.min + (i + 0.5) * width, count }));
  const label = `${histogram.column}: ${histogram.n.toLocaleString("en-US")} items`;
  return (
    <figure aria-label={label} data-testid={`histogram-${histogram.column}`}>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={0}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            domain={[
              Math.min(histogram.min, ...marks.map((m) => m.value)),
              Math.max(histogram.max, ...marks.map((m) => m.value)),
            ]}
            tickFormatter={formatScore}
            allowDataOverflow
          />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip labelFormatter={(v) => `≈ ${formatScore(Number(v))}`} />
          <Bar dataKey="count" fill="#a5b4fc" isAnimationActive={false} />
          {marks.map((m) => (
            <ReferenceLine
              key={`${m.option}-${m.edited}`}
              x={m.value}
              stroke={m.edited ? "#f59e0b" : "#dc2626"}
              strokeDasharray={m.edited ? "4 3" : undefined}
              label={{ value: m.option, position: "top", fontSize: 10 }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">
        {label}, from {formatScore(histogram.min)} to {formatScore(histogram.max)}
      </figcaption>
    </figure>
  );
}
