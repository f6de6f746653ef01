/**
 * The list of near-duplicate pairs a search reports: three parallel typed arrays, each pair once with
 * a < b, in ascending (a, b) order — the same list whatever order the search found them in, so a
 * run's output can be compared byte for byte with another's.
 */

/** Pair p is items a[p] < b[p], `distance[p]` bits apart; sorted by (a, b). */
export type NearDuplicatePairs = { a: Uint32Array; b: Uint32Array; distance: Uint8Array };

/** Called once per pair found, a < b; the order of calls is unspecified. */
export type PairVisitor = (a: number, b: number, distance: number) => void;

/** Collects visited pairs into growable typed arrays (12 bytes a pair, doubling as it fills). */
export class PairCollector {
  private a = new Uint32Array(1024);
  private b = new Uint32Array(1024);
  private distance = new Uint8Array(1024);
  private length = 0;

  readonly visit: PairVisitor = (a, b, distance) => {
    if (this.length === this.a.length) this.grow();
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.distance[this.length] = distance;
    this.length++;
  };

  private grow(): void {
    const capacity = 2 * this.a.length;
    const a = new Uint32Array(capacity);
    const b = new Uint32Array(capacity);
    const distance = new Uint8Array(capacity);
    a.set(this.a);
    b.set(this.b);
    distance.set(this.distance);
    this.a = a;
    this.b = b;
    this.distance = distance;
  }

  /** The pairs in (a, b) order; `n` is the number of items (every a and b is below it). */
  sorted(n: number): NearDuplicatePairs {
    return sortPairs(
      { a: this.a.subarray(0, this.length), b: this.b.subarray(0, this.length), distance: this.distance },
      n,
    );
  }
}

/**
 * Pairs in ascending (a, b) order, by two stable counting sorts — by b, then by a — which is
 * O(n + pairs) where a comparison sort would be O(pairs · log pairs) with a callback per comparison.
 * This is LSD radix sort with the item index as one digit (Cormen et al., Introduction to
 * Algorithms, 3rd ed., §8.2–8.3). Reads `distance` at the pairs' positions only.
 */
export function sortPairs(pairs: NearDuplicatePairs, n: number): NearDuplicatePairs {
  const count = pairs.a.length;
  const byB = countingOrder(pairs.b, count, n, null);
  const order = countingOrder(pairs.a, count, n, byB);
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  const distance = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    const q = order[p]!;
    a[p] = pairs.a[q]!;
    b[p] = pairs.b[q]!;
    distance[p] = pairs.distance[q]!;
  }
  return { a, b, distance };
}

/** Positions 0…count−1 (visited in `previous` order when given) stably ordered by `keys`. */
function countingOrder(
  keys: Uint32Array,
  count: number,
  n: number,
  previous: Uint32Array | null,
): Uint32Array {
  const starts = new Uint32Array(n + 1);
  for (let p = 0; p < count; p++) starts[keys[p]! + 1]!++;
  for (let v = 0; v < n; v++) starts[v + 1]! += starts[v]!;
  const order = new Uint32Array(count);
  for (let p = 0; p < count; p++) {
    const q = previous === null ? p : previous[p]!;
    order[starts[keys[q]!]!++] = q;
  }
  return order;
}
