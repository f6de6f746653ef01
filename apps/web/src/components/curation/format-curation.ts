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

/** A stage's time per item: "0.42 ms", "12.3 ms", "1.2 s". */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** An audit group's finding: "18 of 20 would drop · 90% (95% CI 70%–97%)"; "not answered yet" when nothing is decided. */
export function formatAgreement(g: {
  decided: number;
  shouldDrop: number;
  share: number | null;
  interval: [number, number] | null;
}): string {
  if (g.share === null || g.interval === null) return "not answered yet";
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return `${g.shouldDrop} of ${g.decided} would drop · ${pct(g.share)} (95% CI ${pct(g.interval[0])}–${pct(g.interval[1])})`;
}

/**
 * The few scores a sample tile shows: those some threshold is set on (what decides), the stage
 * that dropped the item first, then in run order — not every sub-measure a stage records.
 */
export function headlineScores(
  scores: Record<string, number>,
  thresholdScores: readonly string[],
  firstFailingStage: string | null,
  limit = 4,
): [string, number][] {
  const ordered = [
    ...thresholdScores.filter((k) => firstFailingStage !== null && k.startsWith(`${firstFailingStage}.`)),
    ...thresholdScores,
  ];
  return [...new Set(ordered)]
    .filter((k) => scores[k] !== undefined)
    .slice(0, limit)
    .map((k) => [k, scores[k]!]);
}
