"use client";

import {
  ResponsiveContainer,
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatSignedPercent } from "./numbers";
import type { PairResult } from "./types";

/** Net win rate of A over B per pair, −100% … +100%, with its bootstrap interval. */
export function NetWinChart({ pairs, label }: { pairs: PairResult[]; label: string }) {
  const data = pairs
    .filter((p) => p.netWinRate.value !== null)
    .map((p) => {
      const value = p.netWinRate.value!;
      const i = p.netWinRate.bootstrap;
      return {
        pair: `${p.modelA} vs ${p.modelB}`,
        value,
        error: i ? [value - i.low, i.high - value] : [0, 0],
      };
    });
  if (data.length === 0) return null;
  return (
    <figure aria-label={label} data-testid="net-win-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, 40 * data.length + 40)}>
        <BarChart layout="vertical" data={data} margin={{ top: 10, right: 24, bottom: 10, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[-1, 1]} tickFormatter={(v: number) => formatSignedPercent(v)} />
          <YAxis type="category" dataKey="pair" width={200} />
          <ReferenceLine x={0} stroke="#71717a" />
          <Tooltip formatter={(v) => formatSignedPercent(Number(v))} />
          <Bar dataKey="value" fill="#6366f1" isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="x" width={6} stroke="#1e1b4b" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
