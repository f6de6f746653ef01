/** Metric values for tables: 4 significant digits, so FID (tens) and SSIM (0.9…) both read well. */
export function formatMetric(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4);
}

export function formatMetricInterval(low: number | null, high: number | null): string {
  return low === null || high === null ? "" : `[${formatMetric(low)}, ${formatMetric(high)}]`;
}
