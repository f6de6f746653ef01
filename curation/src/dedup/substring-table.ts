/**
 * One multi-index table: the items bucketed by the value of one substring of their hash, in
 * compressed-sparse-row form built by one counting sort — no per-bucket arrays, no hash map.
 *
 * Bucket v holds table positions `offsets[v] … offsets[v + 1]`; position x is item `ids[x]` (ascending
 * within a bucket), whose hash is copied to `sorted[2x], sorted[2x + 1]`. The copy in bucket order
 * turns verification's random reads (position → id → hash, 30–50 ns each from L3 for a million items)
 * into reads next to the offsets just probed. `occupied` is a bitmap of the non-empty buckets (512 KiB
 * at 22 bits, small enough to stay in cache): with n ≈ 2^b most probes land on empty buckets, and the
 * bitmap answers them, 32 buckets to a word. 4·(2^b + 1) + 12·n + 2^b/8 bytes a table.
 */
import { substringValue } from "./substring-plan";

export type SubstringTable = {
  readonly bits: number;
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;
  readonly sorted: Uint32Array;
  readonly occupied: Uint32Array;
};

/** The table of substring [start, start + bits) over an interleaved hash set of n items. */
export function buildSubstringTable(
  hashes: Uint32Array,
  n: number,
  start: number,
  bits: number,
): SubstringTable {
  const values = 2 ** bits;
  const keys = new Uint32Array(n);
  const offsets = new Uint32Array(values + 1);
  for (let i = 0; i < n; i++) {
    const key = substringValue(hashes[2 * i]!, hashes[2 * i + 1]!, start, bits);
    keys[i] = key;
    offsets[key + 1]!++;
  }
  const occupied = new Uint32Array(Math.ceil(values / 32));
  for (let v = 0; v < values; v++) {
    if (offsets[v + 1]! > 0) occupied[v >>> 5]! |= 1 << (v & 31);
    offsets[v + 1]! += offsets[v]!;
  }
  const ids = new Uint32Array(n);
  const sorted = new Uint32Array(2 * n);
  const next = offsets.slice(0, values);
  for (let i = 0; i < n; i++) {
    const x = next[keys[i]!]!++;
    ids[x] = i;
    sorted[2 * x] = hashes[2 * i]!;
    sorted[2 * x + 1] = hashes[2 * i + 1]!;
  }
  return { bits, offsets, ids, sorted, occupied };
}
