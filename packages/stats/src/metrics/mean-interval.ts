/**
 * The mean of per-output metric values with a percentile bootstrap interval (Efron & Tibshirani,
 * An Introduction to the Bootstrap, 1993, §13.3). Outputs of one prompt share whatever about the
 * prompt makes it easy or hard, so when cluster keys (prompt ids) are given the bootstrap resamples
 * prompts, each with all of its outputs — the cluster bootstrap of Davison & Hinkley (1997, §3.8) —
 * and otherwise it resamples outputs.
 */
import { percentileInterval } from "../pairwise/cluster-bootstrap";
import { seededRandom } from "../random";

export interface MeanWithInterval {
  mean: number;
  n: number;
  /** Percentile bootstrap interval; null with fewer than two clusters (no spread to resample). */
  low: number | null;
  high: number | null;
}

export function meanWithInterval(
  values: readonly number[],
  options: { clusters?: readonly string[]; rounds?: number; level?: number; seed?: number } = {},
): MeanWithInterval | null {
  const n = values.length;
  if (n === 0) return null;
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("metric values must be finite");
  const mean = values.reduce((s, v) => s + v, 0) / n;
  // Sum and count per cluster: a round adds up the sums and counts of the clusters it draws.
  const index = new Map<string, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  values.forEach((v, i) => {
    const key = options.clusters?.[i] ?? String(i);
    let c = index.get(key);
    if (c === undefined) {
      c = sums.length;
      index.set(key, c);
      sums.push(0);
      counts.push(0);
    }
    sums[c]! += v;
    counts[c]! += 1;
  });
  const clusters = sums.length;
  if (clusters < 2) return { mean, n, low: null, high: null };
  const rounds = options.rounds ?? 1000;
  const random = seededRandom(options.seed ?? 0);
  const replicates = new Float64Array(rounds);
  for (let r = 0; r < rounds; r++) {
    let sum = 0;
    let count = 0;
    for (let k = 0; k < clusters; k++) {
      const c = random.int(clusters);
      sum += sums[c]!;
      count += counts[c]!;
    }
    replicates[r] = sum / count;
  }
  const interval = percentileInterval(replicates, options.level ?? 0.95);
  return { mean, n, low: interval?.low ?? null, high: interval?.high ?? null };
}
