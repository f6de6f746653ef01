/**
 * Exact near-duplicate search over 64-bit hashes by multi-index hashing (Norouzi, Punjani & Fleet,
 * CVPR 2012; see substring-plan.ts for the bound it rests on and the cost model that picks m).
 *
 * One table per substring (substring-table.ts: CSR buckets by counting sort, about 12 bytes an item
 * plus 4 bytes a substring value — about 80 MB for a million hashes at m = 3, 22/21/21 bits). A query
 * probes every value within the substring's radius of its own; the all-pairs search joins each
 * table with itself (self-join.ts).
 *
 * A candidate found through substring k is verified with the full 64-bit distance, and reported only
 * if no earlier substring would have found it (its distance there exceeds that substring's probe
 * radius). So each pair is reported exactly once without a "seen" set, and the result is exact: the
 * pigeonhole bound guarantees some substring finds every pair within the radius, the first such one
 * reports it, and verification rejects everything else.
 */
import { type Hash64, hashCount, popcount32 } from "./hash64";
import { masksWithin, type MaskGroups } from "./bit-masks";
import { type CandidateSink, selfJoin } from "./self-join";
import { buildSubstringTable, type SubstringTable } from "./substring-table";
import { type NearDuplicatePairs, PairCollector, type PairVisitor } from "./pairs";
import {
  checkRadius,
  chooseSubstringCount,
  substringLayout,
  substringDistance,
  substringRadii,
  substringValue,
  type SubstringLayout,
} from "./substring-plan";

/** The items within a radius of a query, ascending by id, with their distances. */
export type Neighbours = { ids: Uint32Array; distances: Uint8Array };

export type HammingIndexOptions = {
  /** The radius searches will mostly use: the cost model picks the substring count for it. */
  radius: number;
  /** Overrides the cost model's substring count (3…12). */
  substrings?: number;
};

/**
 * popcount32 bound once at load: through the import, tsx's module transform reads it through a getter
 * on every call (see self-join.ts for what that cost).
 */
const popcount = popcount32;

export class HammingIndex {
  /** The number of items. */
  readonly size: number;
  readonly layout: SubstringLayout;
  private readonly hashes: Uint32Array;
  private readonly tables: SubstringTable[];
  private readonly maskCache = new Map<number, MaskGroups>();

  private constructor(hashes: Uint32Array, layout: SubstringLayout, tables: SubstringTable[]) {
    this.hashes = hashes;
    this.size = hashes.length / 2;
    this.layout = layout;
    this.tables = tables;
  }

  /**
   * Indexes an interleaved hash set (`[hi₀, lo₀, hi₁, lo₁, …]`, see hash64.ts). The index keeps its
   * own copy, so later changes to `hashes` do not corrupt it. O(m·(n + 2^b)) time.
   */
  static build(hashes: Uint32Array, options: HammingIndexOptions): HammingIndex {
    const n = hashCount(hashes);
    checkRadius(options.radius);
    const layout = substringLayout(options.substrings ?? chooseSubstringCount(n, options.radius));
    const own = hashes.slice();
    const tables: SubstringTable[] = [];
    for (let k = 0; k < layout.count; k++)
      tables.push(buildSubstringTable(own, n, layout.starts[k]!, layout.lengths[k]!));
    return new HammingIndex(own, layout, tables);
  }

  /** The bytes the index holds: its copy of the hashes and every table's arrays. */
  get bytes(): number {
    let total = this.hashes.byteLength;
    for (const t of this.tables)
      total += t.offsets.byteLength + t.ids.byteLength + t.sorted.byteLength + t.occupied.byteLength;
    return total;
  }

  /** Every item within `radius` of `hash`, ascending by id. */
  query(hash: Hash64, radius: number): Neighbours {
    checkRadius(radius);
    const { layout } = this;
    const radii = substringRadii(radius, layout.count);
    const found: number[] = [];
    const distances: number[] = [];
    const qhi = hash.hi >>> 0;
    const qlo = hash.lo >>> 0;
    for (let k = 0; k < layout.count; k++) {
      const t = radii[k]!;
      if (t < 0) continue;
      const { offsets, ids, sorted, occupied } = this.tables[k]!;
      const v = substringValue(qhi, qlo, layout.starts[k]!, layout.lengths[k]!);
      const { masks } = this.masks(layout.lengths[k]!, t);
      for (let q = -1; q < masks.length; q++) {
        const w = q < 0 ? v : v ^ masks[q]!;
        if ((occupied[w >>> 5]! & (1 << (w & 31))) === 0) continue;
        for (let x = offsets[w]!, end = offsets[w + 1]!; x < end; x++) {
          const xh = qhi ^ sorted[2 * x]!;
          const xl = qlo ^ sorted[2 * x + 1]!;
          const distance = popcount(xh) + popcount(xl);
          if (distance <= radius && !foundEarlier(layout, radii, k, xh, xl)) {
            found.push(ids[x]!);
            distances.push(distance);
          }
        }
      }
    }
    const order = found.map((_, i) => i).sort((i, j) => found[i]! - found[j]!);
    return {
      ids: Uint32Array.from(order, (i) => found[i]!),
      distances: Uint8Array.from(order, (i) => distances[i]!),
    };
  }

  /** The other items within `radius` of item i, ascending by id. */
  neighbours(i: number, radius: number): Neighbours {
    if (!Number.isInteger(i) || i < 0 || i >= this.size)
      throw new RangeError(`item ${i} is not in an index of ${this.size} hashes`);
    const all = this.query({ hi: this.hashes[2 * i]!, lo: this.hashes[2 * i + 1]! }, radius);
    const keep = all.ids.findIndex((id) => id === i);
    const ids = new Uint32Array(all.ids.length - 1);
    const distances = new Uint8Array(all.ids.length - 1);
    ids.set(all.ids.subarray(0, keep));
    ids.set(all.ids.subarray(keep + 1), keep);
    distances.set(all.distances.subarray(0, keep));
    distances.set(all.distances.subarray(keep + 1), keep);
    return { ids, distances };
  }

  /**
   * Calls `visit(a, b, distance)` once for every pair of items within `radius`, a < b, in no
   * particular order, storing nothing: memory stays the index's whatever the number of pairs.
   *
   * One self-join per probed substring (self-join.ts); a pair found by several is reported by the
   * first (see `foundEarlier`).
   */
  forEachPair(radius: number, visit: PairVisitor): void {
    checkRadius(radius);
    const radii = substringRadii(radius, this.layout.count);
    for (let k = 0; k < this.layout.count; k++) {
      if (radii[k]! < 0) continue;
      const table = this.tables[k]!;
      selfJoin(table, radii[k]!, radius, new PairReporter(this.layout, radii, k, table.ids, visit));
    }
  }

  /** Every pair within `radius`, a < b, sorted by (a, b). */
  pairs(radius: number): NearDuplicatePairs {
    const collector = new PairCollector();
    this.forEachPair(radius, collector.visit);
    return collector.sorted(this.size);
  }

  private masks(bits: number, t: number): MaskGroups {
    const key = bits * 65 + t;
    let groups = this.maskCache.get(key);
    if (groups === undefined) {
      groups = masksWithin(bits, t);
      this.maskCache.set(key, groups);
    }
    return groups;
  }
}

/**
 * The rare path of a self-join: a candidate within the radius, reported unless an earlier substring
 * reports it. A class rather than a closure made per join: the hot loop then always calls the same
 * method, and V8 does not throw its optimised code away ("wrong call target") on the next join —
 * which, as a closure, made every join after the first about 3× slower here.
 */
class PairReporter implements CandidateSink {
  constructor(
    private readonly layout: SubstringLayout,
    private readonly radii: readonly number[],
    private readonly k: number,
    private readonly ids: Uint32Array,
    private readonly visit: PairVisitor,
  ) {}

  report(x: number, y: number, xorHi: number, xorLo: number, distance: number): void {
    if (foundEarlier(this.layout, this.radii, this.k, xorHi, xorLo)) return;
    const p = this.ids[x]!;
    const q = this.ids[y]!;
    if (p < q) this.visit(p, q, distance);
    else this.visit(q, p, distance);
  }
}

/** Every pair of items within `radius` of each other (a < b, sorted), through a `HammingIndex`. */
export function findNearDuplicatePairs(hashes: Uint32Array, radius: number): NearDuplicatePairs {
  return HammingIndex.build(hashes, { radius }).pairs(radius);
}

/** Whether a substring before k has the pair within its probe radius (and so reports it itself). */
function foundEarlier(
  layout: SubstringLayout,
  radii: readonly number[],
  k: number,
  xorHi: number,
  xorLo: number,
): boolean {
  for (let j = 0; j < k; j++) if (substringDistance(layout, j, xorHi, xorLo) <= radii[j]!) return true;
  return false;
}
