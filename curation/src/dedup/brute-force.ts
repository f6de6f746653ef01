/**
 * The all-pairs search, n(n − 1)/2 distance computations: the reference the index is tested
 * against, and the sensible choice for a few thousand hashes. Never use it on a corpus — a million
 * hashes are 5·10¹¹ pairs.
 */
import { hashCount, popcount32 } from "./hash64";
import { checkRadius } from "./substring-plan";
import { type NearDuplicatePairs, PairCollector } from "./pairs";

/** Every pair of items within Hamming distance `radius`, a < b, in (a, b) order. */
export function bruteForceNearDuplicatePairs(hashes: Uint32Array, radius: number): NearDuplicatePairs {
  checkRadius(radius);
  const n = hashCount(hashes);
  const collector = new PairCollector();
  for (let a = 0; a < n; a++) {
    const hi = hashes[2 * a]!;
    const lo = hashes[2 * a + 1]!;
    for (let b = a + 1; b < n; b++) {
      const distance = popcount32(hi ^ hashes[2 * b]!) + popcount32(lo ^ hashes[2 * b + 1]!);
      if (distance <= radius) collector.visit(a, b, distance);
    }
  }
  return collector.sorted(n);
}
