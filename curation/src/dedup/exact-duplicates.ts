/**
 * Groups identical hashes, in O(n) with an open-addressing table over (hi, lo) — no strings, no Map.
 *
 * Corpora carry exact copies in bulk (the same stock photo, a "no image" placeholder thousands of
 * times). Their pairs are quadratic: 10,000 copies are 5·10⁷ pairs, every one of them inside one
 * bucket of every table. Collapsing them first lets clustering (cluster.ts) search the distinct
 * hashes only.
 */
import { hashCount } from "./hash64";

export type ExactDuplicateGroups = {
  /** The distinct hashes, interleaved, in order of first appearance. */
  distinct: Uint32Array;
  /** For each item, the index of its hash in `distinct`. */
  groupOf: Uint32Array;
  /** For each distinct hash, the lowest item carrying it (ascending, by construction). */
  firstItem: Uint32Array;
};

/**
 * MurmurHash3's 32-bit finaliser (Austin Appleby, public domain,
 * https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp, `fmix32`): every input bit
 * flips each output bit with probability close to ½, so the table's low bits are well spread even
 * for hashes that share long prefixes.
 */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function groupExactDuplicates(hashes: Uint32Array): ExactDuplicateGroups {
  const n = hashCount(hashes);
  // A power of two at least 2n, so the table stays at most half full and linear probes stay short.
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Uint32Array(capacity); // distinct index + 1; 0 is empty
  const groupOf = new Uint32Array(n);
  const firstItemAll = new Uint32Array(n);
  let distinctCount = 0;
  for (let i = 0; i < n; i++) {
    const hi = hashes[2 * i]!;
    const lo = hashes[2 * i + 1]!;
    let slot = fmix32(lo ^ fmix32(hi)) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) {
        slots[slot] = distinctCount + 1;
        firstItemAll[distinctCount] = i;
        groupOf[i] = distinctCount++;
        break;
      }
      const first = firstItemAll[entry - 1]!;
      if (hashes[2 * first] === hi && hashes[2 * first + 1] === lo) {
        groupOf[i] = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const firstItem = firstItemAll.slice(0, distinctCount);
  const distinct = new Uint32Array(2 * distinctCount);
  for (let d = 0; d < distinctCount; d++) {
    distinct[2 * d] = hashes[2 * firstItem[d]!]!;
    distinct[2 * d + 1] = hashes[2 * firstItem[d]! + 1]!;
  }
  return { distinct, groupOf, firstItem };
}
