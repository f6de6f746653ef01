/**
 * The self-join of one multi-index table: every pair of items whose buckets (substring values) are
 * within t bits of each other and whose full 64-bit distance is within the search radius.
 *
 * Word-parallel over the occupancy bitmap. A bucket value v is a block B = v >> 5 (one bitmap word)
 * and a lane v & 31. Two values are within t bits when their blocks differ by a mask H of weight
 * w ≤ t and their lanes by at most t − w bits; so for each H and each block B the pairs are
 *
 *   lanes i of word(B)  ×  lanes of  word(B ^ H) & LANE_BALL[t − w][i]
 *
 * — one AND finds all of lane i's occupied neighbours in the other word. Against probing every
 * value within t bits of every non-empty bucket one at a time (1.5·10⁹ probes for a million hashes
 * at r = 10, most of them on empty buckets), this walks 833 masks × 2¹⁶ word pairs per 22-bit table,
 * each mask over the words in order, so the bitmap, offsets and hashes it reads stream through the
 * cache. Most masks spend the whole radius on the block bits and pair equal lanes only, found by one
 * AND of the two words. With the branch-free verification below, the search within r = 10 over a
 * million hashes took 11 s here, against 23 s probing value by value.
 *
 * Each pair of buckets is visited once: within a word only lanes j > i, across words only H whose
 * highest bit is clear in B, so B ^ H > B (`masksWithin` groups the masks by highest bit, and the
 * blocks with that bit clear are runs of 2^g, walked without a test).
 */
import { masksWithin } from "./bit-masks";
import { popcount32 } from "./hash64";
import type { SubstringTable } from "./substring-table";

/** Where a join sends a candidate within the radius: table positions x, y and their XOR halves. */
export interface CandidateSink {
  report(x: number, y: number, xorHi: number, xorLo: number, distance: number): void;
}

/**
 * popcount32 bound once at load. Called through the import, tsx's module transform reads it through
 * a getter on every call; after a deoptimisation V8 stopped inlining that getter and the join ran 3×
 * slower (5.7 s instead of 1.7 s for m = 4, r = 6 over a million hashes, tsx 4, Node 20).
 */
const popcount = popcount32;

/** Lanes within 0…5 bits of a lane: `LANE_BALL[32·d + i]` has bit j set when popcount(i ^ j) ≤ d. */
const LANE_BALL = (() => {
  const ball = new Uint32Array(6 * 32);
  for (let d = 0; d <= 5; d++)
    for (let i = 0; i < 32; i++)
      for (let j = 0; j < 32; j++) if (popcount(i ^ j) <= d) ball[32 * d + i]! |= 1 << j;
  return ball;
})();

/** Smallest table the word-parallel join handles: one bitmap word of lanes. */
export const MIN_JOIN_BITS = 5;

/**
 * Sends `sink` every pair of table positions whose buckets are within `t` bits and whose hashes are
 * within `radius`. Pairs inside one bucket included; each pair once, in no particular order.
 */
export function selfJoin(table: SubstringTable, t: number, radius: number, sink: CandidateSink): void {
  const { bits, offsets, sorted, occupied } = table;
  if (bits < MIN_JOIN_BITS)
    throw new RangeError(`a table to join has at least ${MIN_JOIN_BITS} bits; got ${bits}`);
  const blocks = occupied.length;
  // The same word: each bucket with itself, then with the occupied lanes above it within t bits.
  const near = 32 * Math.min(t, 5);
  for (let block = 0; block < blocks; block++) {
    const word = occupied[block]!;
    let lanes = word;
    while (lanes !== 0) {
      const low = lanes & -lanes;
      lanes ^= low;
      const i = 31 - Math.clz32(low);
      const v = 32 * block + i;
      joinBucket(offsets, sorted, v, radius, sink);
      let partners = word & LANE_BALL[near + i]! & (-2 << i);
      while (partners !== 0) {
        const bit = partners & -partners;
        partners ^= bit;
        joinBuckets(offsets, sorted, v, 32 * block + 31 - Math.clz32(bit), radius, sink);
      }
    }
  }
  // Different words: block masks H ≠ 0 of weight ≤ t, grouped by their highest bit g.
  const high = masksWithin(bits - 5, t);
  for (let g = 0; g < bits - 5; g++) {
    const span = 1 << g;
    for (let m = high.groupStarts[g]!, last = high.groupStarts[g + 1]!; m < last; m++) {
      const mask = high.masks[m]!;
      const slack = t - popcount(mask);
      const ball = 32 * Math.min(slack, 5);
      for (let base = 0; base < blocks; base += 2 * span) {
        for (let block = base; block < base + span; block++) {
          let lanes = occupied[block]!;
          if (lanes === 0) continue;
          const other = block ^ mask;
          const word = occupied[other]!;
          if (slack === 0) {
            // The mask spends the whole radius (most masks do: 680 of 833 at 17 block bits and t = 3):
            // only equal lanes pair up, and one AND finds them all.
            lanes &= word;
            while (lanes !== 0) {
              const bit = lanes & -lanes;
              lanes ^= bit;
              const i = 31 - Math.clz32(bit);
              joinBuckets(offsets, sorted, 32 * block + i, 32 * other + i, radius, sink);
            }
            continue;
          }
          if (word === 0) continue;
          while (lanes !== 0) {
            const low = lanes & -lanes;
            lanes ^= low;
            const i = 31 - Math.clz32(low);
            let partners = word & LANE_BALL[ball + i]!;
            while (partners !== 0) {
              const bit = partners & -partners;
              partners ^= bit;
              joinBuckets(offsets, sorted, 32 * block + i, 32 * other + 31 - Math.clz32(bit), radius, sink);
            }
          }
        }
      }
    }
  }
}

/** The pairs inside bucket v. */
function joinBucket(
  offsets: Uint32Array,
  sorted: Uint32Array,
  v: number,
  radius: number,
  sink: CandidateSink,
) {
  const end = offsets[v + 1]!;
  for (let x = offsets[v]!; x < end; x++) {
    const hx = sorted[2 * x]!;
    const lx = sorted[2 * x + 1]!;
    for (let y = x + 1; y < end; y++) {
      const xh = hx ^ sorted[2 * y]!;
      const xl = lx ^ sorted[2 * y + 1]!;
      const distance = popcount(xh) + popcount(xl);
      if (distance <= radius) sink.report(x, y, xh, xl, distance);
    }
  }
}

/**
 * The pairs across buckets v and w. The full distance, not the high half first with an early exit:
 * the pairs share a substring, and when it takes bits of both halves (bits 22–43 at m = 3) the high
 * half alone passes r = 10 about half the time — a branch mispredicted at every other candidate, which
 * cost that table 7.4 s instead of 5.4 s.
 */
function joinBuckets(
  offsets: Uint32Array,
  sorted: Uint32Array,
  v: number,
  w: number,
  radius: number,
  sink: CandidateSink,
): void {
  const xEnd = offsets[v + 1]!;
  const yStart = offsets[w]!;
  const yEnd = offsets[w + 1]!;
  for (let x = offsets[v]!; x < xEnd; x++) {
    const hx = sorted[2 * x]!;
    const lx = sorted[2 * x + 1]!;
    for (let y = yStart; y < yEnd; y++) {
      const xh = hx ^ sorted[2 * y]!;
      const xl = lx ^ sorted[2 * y + 1]!;
      const distance = popcount(xh) + popcount(xl);
      if (distance <= radius) sink.report(x, y, xh, xl, distance);
    }
  }
}
