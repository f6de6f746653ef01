/**
 * Perceptual-hash near-duplicate search: 64-bit hashes (pHash, dHash) as uint32 pairs, an exact
 * multi-index-hashing index for "every pair within Hamming distance r" that scales to millions of
 * hashes without comparing all pairs, and the clusters a dedup keeps one item of.
 */
export {
  formatHash64,
  hammingDistance,
  hammingDistanceAt,
  hash64FromBigInt,
  hash64ToBigInt,
  hashAt,
  hashCount,
  packHashes,
  parseHash64,
  parsePackedHashes,
  popcount32,
  type Hash64,
} from "./hash64";
export {
  HammingIndex,
  findNearDuplicatePairs,
  type HammingIndexOptions,
  type Neighbours,
} from "./multi-index-hash";
export type { NearDuplicatePairs, PairVisitor } from "./pairs";
export { bruteForceNearDuplicatePairs } from "./brute-force";
export { clusterHashes, clusterNearDuplicates, type NearDuplicateClusters } from "./cluster";
export { groupExactDuplicates, type ExactDuplicateGroups } from "./exact-duplicates";
export { chooseSubstringCount, estimateSearchCost, substringRadii } from "./substring-plan";
