import type { Random } from "../random";
import { binomial } from "../random";

/**
 * The cluster bootstrap over pre-aggregated counts. Judgments of one prompt are not independent —
 * raters of a prompt share whatever about it favours one model — so the units to resample are
 * prompts, each carrying all of its judgments: the "cluster" (or "case", "pairs") bootstrap that
 * resamples the top-level units of a two-stage design with replacement (Davison & Hinkley, Bootstrap
 * Methods and their Application, 1997, §3.8; Field & Welsh, "Bootstrapping clustered data", JRSS B
 * 69, 2007, who show it is consistent for the variance of a mean whatever the correlation within
 * clusters, as long as there are many clusters).
 *
 * A round never touches judgments: each cluster is a row of counts (A wins, B wins, ties, both bad),
 * and a round adds up the rows of C clusters drawn with replacement.
 */

/** Per-cluster counts, row-major: row c holds cluster c's `columns` counts. */
export type ClusterCounts = {
  clusters: number;
  columns: number;
  counts: Int32Array;
};

/**
 * How a round draws its C clusters. "indices" draws C cluster indices, O(C) per round. "patterns"
 * groups clusters whose rows are identical and draws how many times each distinct row is picked,
 * Multinomial(C; multiplicity/C) — the same distribution, exactly, in O(distinct rows) per round:
 * after majority aggregation a prompt has one judgment per pair, so there are only four rows however
 * many prompts there are. "auto" picks "patterns" when there are at most a quarter as many
 * distinct rows as clusters.
 */
export type ResamplingStrategy = "auto" | "indices" | "patterns";

/**
 * Column totals of `rounds` cluster-bootstrap resamples: a Float64Array of rounds × columns, row r
 * being Σ over the C clusters drawn in round r of their counts. Deterministic given `random`.
 */
export function resampleClusterTotals(
  data: ClusterCounts,
  rounds: number,
  random: Random,
  strategy: ResamplingStrategy = "auto",
): Float64Array {
  const { clusters, columns, counts } = data;
  if (counts.length !== clusters * columns) {
    throw new RangeError(`cluster counts hold ${counts.length} numbers, expected ${clusters} × ${columns}`);
  }
  const totals = new Float64Array(rounds * columns);
  if (clusters === 0) return totals;
  const patterns = strategy === "indices" ? null : distinctRows(data);
  if (patterns && (strategy === "patterns" || patterns.multiplicity.length * 4 <= clusters)) {
    resampleByPatterns(patterns, clusters, columns, rounds, random, totals);
  } else {
    resampleByIndices(counts, clusters, columns, rounds, random, totals);
  }
  return totals;
}

function resampleByIndices(
  counts: Int32Array,
  clusters: number,
  columns: number,
  rounds: number,
  random: Random,
  totals: Float64Array,
): void {
  for (let round = 0; round < rounds; round++) {
    const out = round * columns;
    for (let draw = 0; draw < clusters; draw++) {
      const row = random.int(clusters) * columns;
      for (let column = 0; column < columns; column++) totals[out + column]! += counts[row + column]!;
    }
  }
}

type Patterns = { rows: Int32Array; multiplicity: Int32Array };

/** Distinct rows and how many clusters have each, most frequent first (so rounds end early). */
function distinctRows({ clusters, columns, counts }: ClusterCounts): Patterns {
  // A row's key: its counts as digits in base (largest count + 1) when that fits a double exactly
  // (the usual case, and far cheaper than strings), else the counts joined into a string.
  let largest = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > largest) largest = counts[i]!;
  const base = largest + 1;
  const numeric = columns * Math.log2(base) < 52;
  const keyOf = (row: number): number | string => {
    if (!numeric) return counts.subarray(row, row + columns).join(",");
    let key = 0;
    for (let column = 0; column < columns; column++) key = key * base + counts[row + column]!;
    return key;
  };
  const index = new Map<number | string, number>();
  const found: { row: number; multiplicity: number }[] = [];
  for (let cluster = 0; cluster < clusters; cluster++) {
    const row = cluster * columns;
    const key = keyOf(row);
    const seen = index.get(key);
    if (seen === undefined) {
      index.set(key, found.length);
      found.push({ row, multiplicity: 1 });
    } else {
      found[seen]!.multiplicity++;
    }
  }
  found.sort((left, right) => right.multiplicity - left.multiplicity || left.row - right.row);
  const rows = new Int32Array(found.length * columns);
  found.forEach(({ row }, pattern) => rows.set(counts.subarray(row, row + columns), pattern * columns));
  return { rows, multiplicity: Int32Array.from(found, ({ multiplicity }) => multiplicity) };
}

/**
 * Multinomial(C; m₁/C, …, m_P/C) by sequential conditional binomials: kᵢ ~ Binomial(C − Σ_{j<i} kⱼ,
 * mᵢ / Σ_{j≥i} mⱼ) (the standard conditional decomposition; Devroye, Non-Uniform Random Variate Generation, 1986). Integer multiplicities
 * make each conditional probability exact.
 */
function resampleByPatterns(
  { rows, multiplicity }: Patterns,
  clusters: number,
  columns: number,
  rounds: number,
  random: Random,
  totals: Float64Array,
): void {
  const patterns = multiplicity.length;
  for (let round = 0; round < rounds; round++) {
    const out = round * columns;
    let left = clusters;
    let remaining = clusters;
    for (let pattern = 0; pattern < patterns && left > 0; pattern++) {
      const m = multiplicity[pattern]!;
      const k = m === remaining ? left : binomial(random, left, m / remaining);
      remaining -= m;
      left -= k;
      if (k === 0) continue;
      const row = pattern * columns;
      for (let column = 0; column < columns; column++) totals[out + column]! += k * rows[row + column]!;
    }
  }
}

/**
 * The q-quantile of ascending values by linear interpolation between order statistics — Hyndman &
 * Fan's (1996) definition 7, the default of R's quantile() and numpy.quantile.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantile of no values");
  const h = (n - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(n - 1, below + 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

/**
 * The percentile bootstrap interval (Efron & Tibshirani, An Introduction to the Bootstrap, 1993,
 * §13.3): the (1 − level)/2 and (1 + level)/2 quantiles of the bootstrap replicates. NaN replicates
 * (rounds where the statistic is undefined) are left out; the caller decides how many may be.
 */
export function percentileInterval(
  replicates: Float64Array,
  level: number,
): { low: number; high: number } | null {
  const defined = replicates.filter((value) => !Number.isNaN(value)).sort();
  if (defined.length === 0) return null;
  return {
    low: quantileOfSorted(defined, (1 - level) / 2),
    high: quantileOfSorted(defined, (1 + level) / 2),
  };
}

/**
 * A 32-bit seed for one pair from the caller's seed and the pair's key (FNV-1a over the key's UTF-16
 * code units, started from the seed), so a pair's interval depends on its own data and the seed only —
 * adding another pair to a study does not move it.
 */
export function seedForKey(seed: number, key: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
