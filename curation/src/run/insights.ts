/**
 * What the run page shows beside the funnel, gathered while the finished run's decisions stream
 * past once: a histogram of every score (over the items that were measured, whichever stage later
 * dropped them), and small samples of kept and dropped items for the galleries.
 *
 * Samples are the items with the lowest ids: ids are sha256 digests (../sources/item.ts), so this
 * is a uniform random sample — the same one on every re-run — drawn in one pass with memory for
 * k items, not the corpus.
 */
import type { CurationDecision } from "./decide-shard";

export const HISTOGRAM_BINS = 40;

export type ScoreHistogram = {
  column: string;
  min: number;
  max: number;
  /** Items per bin; bin i covers [min + i·w, min + (i+1)·w), the last one closed. */
  counts: number[];
  n: number;
};

/** Each score column's smallest and largest value (pass one). */
export class ScoreRanges {
  readonly ranges = new Map<string, { min: number; max: number }>();

  observe(d: Pick<CurationDecision, "scores">): void {
    for (const [column, v] of Object.entries(d.scores)) {
      const r = this.ranges.get(column);
      if (!r) this.ranges.set(column, { min: v, max: v });
      else {
        if (v < r.min) r.min = v;
        if (v > r.max) r.max = v;
      }
    }
  }
}

/** Histograms over known ranges (pass two). */
export class ScoreHistograms {
  private readonly histograms = new Map<string, ScoreHistogram>();

  constructor(
    ranges: ReadonlyMap<string, { min: number; max: number }>,
    private readonly bins = HISTOGRAM_BINS,
  ) {
    for (const [column, { min, max }] of ranges)
      this.histograms.set(column, { column, min, max, counts: new Array<number>(bins).fill(0), n: 0 });
  }

  add(d: Pick<CurationDecision, "scores">): void {
    for (const [column, v] of Object.entries(d.scores)) {
      const h = this.histograms.get(column);
      if (!h) continue;
      const width = (h.max - h.min) / this.bins;
      const bin = width > 0 ? Math.min(this.bins - 1, Math.floor((v - h.min) / width)) : 0;
      h.counts[bin]!++;
      h.n++;
    }
  }

  result(): ScoreHistogram[] {
    return [...this.histograms.values()];
  }
}

/**
 * The k items with the lowest ranks seen: by default the ids themselves, which are hashes, so the
 * sample is uniform and reproducible. Another rank (a hash of the id with a salt) draws another
 * uniform sample from the same items.
 */
export class LowestIdSample<T extends { itemId: string }> {
  private items: { item: T; rank: string }[] = [];

  constructor(
    private readonly k: number,
    private readonly rankOf: (item: T) => string = (item) => item.itemId,
  ) {}

  offer(item: T): void {
    const rank = this.rankOf(item);
    if (this.items.length === this.k && rank >= this.items[this.k - 1]!.rank) return;
    const at = this.items.findIndex((x) => x.rank > rank);
    if (at === -1) this.items.push({ item, rank });
    else this.items.splice(at, 0, { item, rank });
    if (this.items.length > this.k) this.items.pop();
  }

  result(): T[] {
    return this.items.map((x) => x.item);
  }
}
