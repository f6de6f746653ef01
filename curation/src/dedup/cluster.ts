/**
 * Near-duplicate clusters and which item of each one a dedup keeps.
 *
 * Clusters are the connected components of the "within r" graph (single linkage): if A is within r of
 * B and B of C, all three form one cluster even when A and C are further apart. Unlike greedy
 * "keep an item, drop what is near it" passes, components do not depend on the order items are
 * visited in, so a re-run or a re-sharded run drops the same items. The lowest item index of each
 * cluster is kept; every other item is "a near-duplicate of item k", k the kept
 * one — deterministic for the same input, whatever order the pairs were found in.
 */
import { groupExactDuplicates } from "./exact-duplicates";
import { hashCount } from "./hash64";
import { HammingIndex } from "./multi-index-hash";
import type { NearDuplicatePairs } from "./pairs";
import { DisjointSets } from "./union-find";

export type NearDuplicateClusters = {
  /** For each item, the item its cluster keeps (its lowest index); `representative[i] === i` keeps i. */
  representative: Uint32Array;
  /** How many clusters, i.e. how many items are kept. */
  clusters: number;
  /** How many items are dropped (n − clusters). */
  duplicates: number;
};

/** Clusters n items given the pairs within the threshold (from `findNearDuplicatePairs`, or any list). */
export function clusterNearDuplicates(
  n: number,
  pairs: Pick<NearDuplicatePairs, "a" | "b">,
): NearDuplicateClusters {
  if (pairs.a.length !== pairs.b.length)
    throw new RangeError(`pair lists differ in length: ${pairs.a.length} and ${pairs.b.length}`);
  const sets = new DisjointSets(n);
  for (let p = 0; p < pairs.a.length; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    if (a >= n || b >= n) throw new RangeError(`pair ${p} (${a}, ${b}) names an item outside 0…${n - 1}`);
    sets.union(a, b);
  }
  return summarise(sets.representatives());
}

/**
 * Clusters a hash set within Hamming distance `radius` without listing the pairs: identical hashes are
 * grouped first (exact-duplicates.ts), the distinct hashes searched through a `HammingIndex`, and each
 * pair found goes straight into union–find. Memory is the index's plus 4 bytes an item, however many
 * pairs there are; time does not grow with the square of any group of identical copies.
 */
export function clusterHashes(hashes: Uint32Array, radius: number): NearDuplicateClusters {
  const n = hashCount(hashes);
  const { distinct, groupOf, firstItem } = groupExactDuplicates(hashes);
  const sets = new DisjointSets(firstItem.length);
  HammingIndex.build(distinct, { radius }).forEachPair(radius, (a, b) => {
    sets.union(a, b);
  });
  // Distinct hashes are numbered in order of first appearance, so a cluster's lowest distinct index
  // is the one whose first item is lowest: its first item is the cluster's lowest item.
  const distinctRoot = sets.representatives();
  const representative = new Uint32Array(n);
  for (let i = 0; i < n; i++) representative[i] = firstItem[distinctRoot[groupOf[i]!]!]!;
  return summarise(representative);
}

function summarise(representative: Uint32Array): NearDuplicateClusters {
  let clusters = 0;
  for (let i = 0; i < representative.length; i++) if (representative[i] === i) clusters++;
  return { representative, clusters, duplicates: representative.length - clusters };
}
