/**
 * How the safety report's proportions read: one decimal, the 95% interval beside the estimate,
 * and "—" wherever there is nothing to estimate from, so no NaN ever reaches the page.
 */

/** A share (0–1) as a percentage with one decimal, without the sign; null when not finite. */
function percentDigits(share: number): string | null {
  return Number.isFinite(share) ? (share * 100).toFixed(1) : null;
}

/** "12.5% (3.1–38.4%)": the rate and its 95% interval; "—" when no item was decided (n = 0). */
export function formatRate(rate: { rate: number; n: number; interval: readonly [number, number] }): string {
  if (!(rate.n > 0)) return "—";
  const value = percentDigits(rate.rate);
  const low = percentDigits(rate.interval[0]);
  const high = percentDigits(rate.interval[1]);
  if (value === null || low === null || high === null) return "—";
  return `${value}% (${low}–${high}%)`;
}

/** "3/24": the count behind a rate. */
export function formatFraction(rate: { count: number; n: number }): string {
  return `${rate.count}/${rate.n}`;
}

/** A difference of two shares in percentage points, signed: "+8.3", "−2.1", "0.0". */
export function formatPoints(difference: number): string {
  if (!Number.isFinite(difference)) return "—";
  const rounded = Math.round(difference * 1000) / 10;
  // Rounding can leave −0.0; it reads as no difference.
  if (rounded === 0) return "0.0";
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}

/** Whether a 95% interval of a difference leaves out zero (the difference is unlikely to be chance). */
export function excludesZero(interval: readonly [number, number]): boolean {
  return interval[0] > 0 || interval[1] < 0;
}
