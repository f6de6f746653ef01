/** How result numbers read: ratings as whole Elo points, shares and rates with their sign. */
import type { Interval } from "./types";

export const METHOD_NAMES: Record<Interval["method"], string> = {
  wilson: "Wilson",
  "cluster-bootstrap": "bootstrap over prompts",
  "bootstrap-multinomial": "bootstrap over counts",
  "bootstrap-prompts": "bootstrap over prompts",
  "bootstrap-items": "bootstrap over items",
  none: "none",
};

export const formatRating = (r: number | null | undefined) =>
  r === null || r === undefined || !Number.isFinite(r) ? "—" : Math.round(r).toString();

export function formatInterval(i: Interval | null | undefined, format: (x: number) => string): string {
  if (!i) return "—";
  return `${format(i.low)} – ${format(i.high)}`;
}

/** A signed rate such as a net win rate: "+12%", "−5%", "0%". */
export function formatSignedPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const pct = Math.round(x * 100);
  return pct > 0 ? `+${pct}%` : pct < 0 ? `−${Math.abs(pct)}%` : "0%";
}

export function formatCoefficient(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(2);
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return "—";
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}
