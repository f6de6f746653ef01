"use client";

import {
  ResponsiveContainer,
  CartesianGrid,
  ErrorBar,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatRating } from "./numbers";
import type { Rating } from "./types";

/**
 * Ratings as points with their 95% interval as a horizontal error bar, best on top. The table
 * beside it carries the same numbers for screen readers and copying.
 */
export function RatingsChart({ ratings, label }: { ratings: Rating[]; label: string }) {
  if (ratings.length === 0) return null;
  const data = ratings.map((r) => ({
    model: r.model,
    rating: r.rating,
    error: [r.rating - r.interval.low, r.interval.high - r.rating],
  }));
  const low = Math.min(...ratings.map((r) => r.interval.low));
  const high = Math.max(...ratings.map((r) => r.interval.high));
  const pad = Math.max(10, (high - low) * 0.1);
  return (
    <figure aria-label={label} data-testid="ratings-chart">
      <ResponsiveContainer width="100%" height={Math.max(120, 40 * ratings.length + 40)}>
        <ScatterChart margin={{ top: 10, right: 24, bottom: 10, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            dataKey="rating"
            domain={[Math.floor(low - pad), Math.ceil(high + pad)]}
            tickFormatter={(v: number) => formatRating(v)}
            name="Rating"
          />
          <YAxis type="category" dataKey="model" width={140} name="Model" />
          <Tooltip formatter={(v) => formatRating(Number(v))} />
          <Scatter data={data} fill="#4f46e5" isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="x" width={6} stroke="#4f46e5" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
