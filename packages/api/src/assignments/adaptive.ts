/**
 * The adaptive comparison plan's rule: when every task has reached its overlap, give one more
 * rater to the tasks of the pair whose preference is least certain — the pair with the widest
 * 95% Wilson interval on the share of decisive judgments won by A (ties and "both bad" carry no
 * direction). This is the simple planner that the statistics issue's sample-size planner replaces.
 */
import { wilsonInterval } from "@loupe/stats";

export type PairTally = { pairKey: string; aWins: number; bWins: number };

export function mostUncertainPair(tallies: readonly PairTally[]): string | null {
  let best: { key: string; width: number; n: number } | null = null;
  for (const t of tallies) {
    const n = t.aWins + t.bWins;
    const [lo, hi] = wilsonInterval(t.aWins, n);
    const width = hi - lo;
    if (!best || width > best.width + 1e-12 || (Math.abs(width - best.width) <= 1e-12 && n < best.n)) {
      best = { key: t.pairKey, width, n };
    }
  }
  return best?.key ?? null;
}
