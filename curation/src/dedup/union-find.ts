/**
 * Disjoint sets over items 0…n−1 (union–find; Tarjan, "Efficiency of a Good But Not Linear Set Union
 * Algorithm", J. ACM 22(2), 1975), in one Uint32Array of parents: 4 bytes an item, no objects.
 *
 * Union links the larger root under the smaller, so every set's root is its lowest item — the
 * representative a dedup keeps, whatever order the pairs arrive in. Find halves paths as it walks
 * (Tarjan & van Leeuwen, "Worst-case Analysis of Set Union Algorithms", J. ACM 31(2), 1984), which
 * with this linking rule keeps a find within O(log n) amortised.
 */
export class DisjointSets {
  private readonly parent: Uint32Array;

  constructor(readonly size: number) {
    this.parent = new Uint32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  /** The lowest item of i's set. */
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const grandparent = parent[parent[i]!]!;
      parent[i] = grandparent;
      i = grandparent;
    }
    return i;
  }

  /** Joins the sets of a and b; whether they were apart. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }

  /** Every item's representative (its set's lowest item). */
  representatives(): Uint32Array {
    const out = new Uint32Array(this.size);
    // Ascending order: an item's parent is lower than it, so its root is already final in `out`.
    for (let i = 0; i < this.size; i++) {
      const p = this.parent[i]!;
      out[i] = p === i ? i : out[p]!;
    }
    return out;
  }
}
