/** Krippendorff's α as the report shows it: the coefficient, or in words why it is undefined. */

const REASONS: Record<string, string> = {
  "no-variation":
    "undefined: every review gave the same answer, so agreement beyond chance cannot be measured",
  "no-pairable-values": "undefined: no item has two reviews yet",
};

/** The α value with two decimals, or the reason it is undefined, in words. */
export function describeAlpha(agreement: { alpha: number | null; reason: string | null }): string {
  if (agreement.alpha !== null && Number.isFinite(agreement.alpha)) return agreement.alpha.toFixed(2);
  if (agreement.reason) return REASONS[agreement.reason] ?? `undefined: ${agreement.reason}`;
  return "undefined";
}
