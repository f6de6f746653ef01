/**
 * Near-duplicate removal across a whole run, after every shard is decided: the kept items' hashes,
 * in source order, clustered within the run's Hamming threshold (../dedup/cluster.ts, exact
 * multi-index hashing, never all pairs). Each cluster keeps its first item in source order; every
 * other member is dropped as "a near-duplicate of" the kept one. The result depends only on the
 * items and their order, not on how the run was sharded or which worker ran what.
 */
import { clusterHashes } from "../dedup/cluster";
import { hammingDistanceAt, parsePackedHashes } from "../dedup/hash64";

export type HashedItem = { itemId: string; source: string; hash: string };

export type NearDuplicate = {
  /** The item the cluster keeps. */
  duplicateOf: string;
  duplicateOfSource: string;
  /** Hamming distance to the kept item (may exceed the threshold: clusters chain, see cluster.ts). */
  distance: number;
};

/** The dropped items of each near-duplicate cluster, by item id. */
export function findRunDuplicates(
  items: readonly HashedItem[],
  maxDistance: number,
): Map<string, NearDuplicate> {
  const duplicates = new Map<string, NearDuplicate>();
  if (items.length < 2) return duplicates;
  const hashes = parsePackedHashes(items.map((i) => i.hash));
  const { representative } = clusterHashes(hashes, maxDistance);
  for (let i = 0; i < items.length; i++) {
    const kept = representative[i]!;
    if (kept === i) continue;
    duplicates.set(items[i]!.itemId, {
      duplicateOf: items[kept]!.itemId,
      duplicateOfSource: items[kept]!.source,
      distance: hammingDistanceAt(hashes, i, kept),
    });
  }
  return duplicates;
}

export function nearDuplicateReason(d: NearDuplicate): string {
  return `near-duplicate of ${d.duplicateOfSource} (Hamming distance ${d.distance})`;
}
