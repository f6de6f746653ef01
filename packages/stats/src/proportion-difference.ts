import { wilsonInterval } from "./wilson";

/**
 * Confidence interval for the difference of two independent proportions p₁ − p₂, by Newcombe's
 * hybrid score method (method 10 of Newcombe, "Interval estimation for the difference between
 * independent proportions", Statistics in Medicine 17, 1998), built from each proportion's
 * Wilson interval (l₁, u₁), (l₂, u₂):
 *
 *   L = δ − √((p₁ − l₁)² + (u₂ − p₂)²)
 *   U = δ + √((u₁ − p₁)² + (p₂ − l₂)²),   δ = p₁ − p₂
 *
 * Unlike the Wald interval it stays inside [−1, 1] and keeps its coverage for rates near 0,
 * which is where violation rates live. With either n = 0 the difference is unknown: [−1, 1].
 */
export function proportionDifferenceInterval(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  z = 1.959963984540054,
): { difference: number; interval: [number, number] } {
  if (!(n1 > 0) || !(n2 > 0)) return { difference: 0, interval: [-1, 1] };
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const [l1, u1] = wilsonInterval(successes1, n1, z);
  const [l2, u2] = wilsonInterval(successes2, n2, z);
  const difference = p1 - p2;
  return {
    difference,
    interval: [
      Math.max(-1, difference - Math.hypot(p1 - l1, u2 - p2)),
      Math.min(1, difference + Math.hypot(u1 - p1, p2 - l2)),
    ],
  };
}
