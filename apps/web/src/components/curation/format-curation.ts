/** Numbers on the curation pages: counts with separators, shares as percentages, rates and durations. */

export const formatCount = (n: number) => n.toLocaleString("en-US");

export const formatShare = (share: number) =>
  share === 0 ? "0%" : share < 0.001 ? "<0.1%" : `${(100 * share).toFixed(1)}%`;

/** A score as people read it: integers whole, small magnitudes with three significant digits. */
export function formatScore(v: number): string {
  if (Number.isInteger(v)) return formatCount(v);
  const abs = Math.abs(v);
  if (abs >= 1000) return formatCount(Math.round(v));
  return v.toPrecision(3);
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
