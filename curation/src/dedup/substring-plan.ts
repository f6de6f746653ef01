/**
 * How multi-index hashing cuts a 64-bit hash into substrings, how far it probes in each, and how
 * many substrings to use for a given set size and search radius.
 *
 * Norouzi, Punjani & Fleet, "Fast Search in Hamming Space with Multi-Index Hashing" (CVPR 2012;
 * extended as "Fast Exact Search in Hamming Space with Multi-Index Hashing", IEEE TPAMI 36(6), 2014):
 * split the bits into m disjoint substrings. If two hashes are within Hamming distance r, then by the
 * pigeonhole principle they differ in at most ⌊r/m⌋ bits on at least one substring, so probing every
 * substring value within ⌊r/m⌋ bits of the query's, in every substring's table, finds them all.
 *
 * The tighter form (TPAMI 2014, §4, Proposition 2) is what `substringRadii` uses: write r = s·m + a
 * with 0 ≤ a < m. Then some substring among the first a + 1 differs in at most s bits, or some
 * substring after them differs in at most s − 1 bits — otherwise the differences would add up to at
 * least (a + 1)(s + 1) + (m − a − 1)·s = r + 1. So only the first a + 1 substrings need radius s; the
 * others get s − 1 (and are not probed at all when that is −1). For m = 3 and r = 6 that is radii
 * 2, 1, 1 instead of 2, 2, 2: 298 probes around each bucket instead of 718.
 */
import { popcount32 } from "./hash64";

/**
 * At most 22 bits per substring, so a table's offsets (2^b + 1 uint32) stay within 16 MiB; 64 bits
 * then need at least three substrings.
 */
export const MAX_SUBSTRING_BITS = 22;
export const MIN_SUBSTRINGS = Math.ceil(64 / MAX_SUBSTRING_BITS);
/** Five-bit substrings, one bitmap word of buckets: the least the word-parallel join (self-join.ts) handles. */
export const MAX_SUBSTRINGS = 12;

/** Which bits substring k covers, and the same as masks over the two 32-bit halves. */
export type SubstringLayout = {
  readonly count: number;
  /** First bit of each substring (bit 0 is the lowest bit of `lo`). */
  readonly starts: readonly number[];
  readonly lengths: readonly number[];
  /** Substring k's bits within `hi` and within `lo`, to count its share of an XOR. */
  readonly hiMasks: readonly number[];
  readonly loMasks: readonly number[];
};

/**
 * m contiguous substrings covering bits 0…63, the longer ones first (64 = 22 + 21 + 21 for m = 3).
 * Longer first because the first substrings get the larger probe radius (see `substringRadii`), and a
 * longer substring at that radius has proportionally smaller buckets: for a million hashes,
 * `estimateSearchCost`'s terms give 0.9 s for 22/21/21 against 1.2 s for 21/21/22 at r = 6, and
 * 12.4 s against 14.1 s at r = 10.
 */
export function substringLayout(count: number): SubstringLayout {
  if (!Number.isInteger(count) || count < MIN_SUBSTRINGS || count > MAX_SUBSTRINGS)
    throw new RangeError(
      `substring count must be an integer in ${MIN_SUBSTRINGS}…${MAX_SUBSTRINGS}; got ${count}`,
    );
  const starts: number[] = [];
  const lengths: number[] = [];
  const hiMasks: number[] = [];
  const loMasks: number[] = [];
  const longer = 64 % count;
  let start = 0;
  for (let k = 0; k < count; k++) {
    const length = Math.floor(64 / count) + (k < longer ? 1 : 0);
    starts.push(start);
    lengths.push(length);
    let hi = 0;
    let lo = 0;
    for (let bit = start; bit < start + length; bit++) {
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
    hiMasks.push(hi >>> 0);
    loMasks.push(lo >>> 0);
    start += length;
  }
  return { count, starts, lengths, hiMasks, loMasks };
}

/** The value of the substring at bits [start, start + length) of the hash (hi, lo); length ≤ 22. */
export function substringValue(hi: number, lo: number, start: number, length: number): number {
  const mask = (1 << length) - 1;
  if (start >= 32) return (hi >>> (start - 32)) & mask;
  if (start + length <= 32) return (lo >>> start) & mask;
  return ((lo >>> start) | (hi << (32 - start))) & mask;
}

/** In how many bits two hashes differ on substring k, given their XOR halves. */
export function substringDistance(layout: SubstringLayout, k: number, xorHi: number, xorLo: number): number {
  return popcount32(xorHi & layout.hiMasks[k]!) + popcount32(xorLo & layout.loMasks[k]!);
}

/**
 * The probe radius of each substring for a search within r (TPAMI 2014, Proposition 2; see the file
 * comment): s = ⌊r/m⌋ for the first r − s·m + 1 substrings, s − 1 for the rest; −1 means "not probed".
 */
export function substringRadii(radius: number, count: number): number[] {
  checkRadius(radius);
  const s = Math.floor(radius / count);
  const a = radius - s * count;
  return Array.from({ length: count }, (_, k) => (k <= a ? s : s - 1));
}

export function checkRadius(radius: number): void {
  if (!Number.isInteger(radius) || radius < 0 || radius > 64)
    throw new RangeError(`a Hamming radius over 64 bits is an integer in 0…64; got ${radius}`);
}

/** Σ_{i ≤ t} C(bits, i): how many substring values lie within t bits of one value. */
export function ballSize(bits: number, t: number): number {
  let total = 0;
  let term = 1;
  for (let i = 0; i <= Math.min(t, bits); i++) {
    total += term;
    term = (term * (bits - i)) / (i + 1);
  }
  return total;
}

/**
 * Measured cost, in nanoseconds on the 2-core Xeon this was written on (Node 20), of the self-join's
 * three kinds of work (self-join.ts): one pair of bitmap words, one pair of non-empty buckets (loads of
 * their offsets and the branches of two short loops, mostly mispredicted), one full-distance
 * verification. Fitted on a million random hashes: r = 10 at m = 3 (4.4·10⁸ bucket pairs and 6.4·10⁸
 * verifications, 11 s) and m = 4 (3.3·10⁹ verifications, 13 s).
 */
const NS_PER_WORD_PAIR = 5;
const NS_PER_BUCKET_PAIR = 20;
const NS_PER_VERIFICATION = 4;

/**
 * The expected time (ns) of an all-pairs search within r over n uniformly distributed hashes with m
 * substrings. Per probed substring of b bits and probe radius t, with λ = n / 2^b items a bucket and
 * B(b, t) = ballSize(b, t) values within t bits of one value:
 *
 * - word pairs: 2^(b−5) bitmap words × B(b − 5, t) block masks, halved (each pair once);
 * - bucket pairs: 2^b · (B(b, t) − 1) / 2 pairs of values within t bits, both non-empty with
 *   probability (1 − e^(−λ))²;
 * - verifications: n(n − 1)/2 pairs of items, each a candidate with probability B(b, t) / 2^b — the
 *   paper's "probes × expected bucket size", summed over all items;
 * - building the table: n + 2^b.
 *
 * Short substrings make verifications dominate (m = 4 at r = 10: 3.3·10⁹), long ones bucket pairs.
 * Real hashes are not uniform (near-duplicates crowd some buckets), so this only ranks layouts. For
 * a million hashes it picks m = 3 for every r up to 10 (predicted 0.8 s at r = 6, 12 s at r = 10).
 */
export function estimateSearchCost(n: number, radius: number, count: number): number {
  const layout = substringLayout(count);
  const radii = substringRadii(radius, count);
  let cost = 0;
  for (let k = 0; k < count; k++) {
    const bits = layout.lengths[k]!;
    const t = radii[k]!;
    if (t < 0) continue;
    const values = 2 ** bits;
    const ball = ballSize(bits, t);
    const occupied = -Math.expm1(-n / values);
    const wordPairs = ((values / 32) * ballSize(bits - 5, t)) / 2;
    const bucketPairs = ((values * (ball - 1)) / 2) * occupied * occupied;
    const verifications = ((n * (n - 1)) / 2) * (ball / values);
    cost +=
      NS_PER_WORD_PAIR * wordPairs +
      NS_PER_BUCKET_PAIR * bucketPairs +
      NS_PER_VERIFICATION * verifications +
      n +
      values;
  }
  return cost;
}

/** The substring count with the lowest `estimateSearchCost` (the smaller one on a tie). */
export function chooseSubstringCount(n: number, radius: number): number {
  checkRadius(radius);
  let best = MIN_SUBSTRINGS;
  let bestCost = Infinity;
  for (let count = MIN_SUBSTRINGS; count <= MAX_SUBSTRINGS; count++) {
    const cost = estimateSearchCost(n, radius, count);
    if (cost < bestCost) {
      best = count;
      bestCost = cost;
    }
  }
  return best;
}
