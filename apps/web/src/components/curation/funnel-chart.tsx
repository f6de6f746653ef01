"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FunnelStep } from "./types";

/**
 * The funnel as Movie Gen's curation table draws it: the items left after each stage, from the
 * whole corpus down to the kept set — and, beside it, the projected funnel under edited thresholds.
 */
export function FunnelChart({
  total,
  funnel,
  projected,
}: {
  total: number;
  funnel: FunnelStep[];
  projected: FunnelStep[] | null;
}) {
  const label = "Items remaining after each stage";
  const data = [
    { step: "Input", remaining: total, projected: projected ? total : undefined },
    ...funnel.map((s, i) => ({
      step: s.label,
      remaining: s.remaining,
      projected: projected?.[i]?.remaining,
    })),
  ];
  return (
    <figure aria-label={label} data-testid="funnel-chart">
      <ResponsiveContainer width="100%" height={Math.max(160, 36 * data.length + 60)}>
        <BarChart layout="vertical" data={data} margin={{ top: 10, right: 24, bottom: 10, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="step" width={180} />
          <Tooltip />
          <Legend />
          <Bar dataKey="remaining" name="This run" fill="#6366f1" isAnimationActive={false} />
          {projected ? (
            <Bar dataKey="projected" name="Projected" fill="#f59e0b" isAnimationActive={false} />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">{label}.</figcaption>
    </figure>
  );
}
