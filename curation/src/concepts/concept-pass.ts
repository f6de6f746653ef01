/**
 * Concept clusters over a run's kept items, from their image embeddings, in bounded memory:
 *
 *  1. `sample` — a uniform sample of the kept embeddings (the lowest item ids) is held;
 *  2. `fit` — spherical k-means on the sample gives the concept centroids;
 *  3. `assign` — every kept item (in source order, shard by shard) goes to its nearest centroid,
 *     its embedding appended to that cluster's file on disk (`flush` after each shard);
 *  4. `result` — one cluster at a time is read back. With `dedupSimilarity`, each item whose cosine
 *     similarity to an earlier surviving item of its cluster reaches the threshold is an embedding
 *     near-duplicate of it (SemDeDup, Abbas et al. 2023, with the first in source order kept, as the
 *     perceptual-hash pass does). The survivors' cluster sizes give each its sampling weight
 *     1/√(cluster size), Movie Gen's resampling (Polyak et al. 2024, §3.1.1), so that frequent
 *     concepts are down-weighted and rare ones up-weighted.
 *
 * Memory holds the sample, one cluster's embeddings, and an id → cluster map of the kept items.
 */
import fs from "node:fs";
import path from "node:path";
import { LowestIdSample } from "../run/insights";
import { dot, nearestCentroid, sphericalKMeans } from "./spherical-kmeans";

export type ConceptOptions = {
  clusters: number;
  /** Cosine similarity at which two items of a cluster are near-duplicates; null: no removal. */
  dedupSimilarity: number | null;
};

export type EmbeddedItem = { itemId: string; source: string; embedding?: Float32Array };

export type ConceptDuplicate = {
  duplicateOf: string;
  duplicateOfSource: string;
  similarity: number;
  cluster: number;
};

export type ConceptResult = {
  duplicates: Map<string, ConceptDuplicate>;
  /** Surviving kept items → their cluster. */
  clusterOf: Map<string, number>;
  /** Each cluster's surviving items. */
  sizes: number[];
};

/** Movie Gen's sampling weight for an item of a cluster of this size. */
export const samplingWeight = (clusterSize: number) => 1 / Math.sqrt(clusterSize);

export class ConceptPass {
  private readonly sampled: LowestIdSample<EmbeddedItem>;
  private centroids: Float32Array[] = [];
  private readonly buffers = new Map<number, Buffer[]>();
  private dimensions = 0;

  constructor(
    private readonly dir: string,
    private readonly opts: ConceptOptions,
    sampleSize = Math.max(40 * opts.clusters, 10_000),
  ) {
    this.sampled = new LowestIdSample(sampleSize);
    fs.mkdirSync(dir, { recursive: true });
  }

  sample(item: EmbeddedItem): void {
    if (item.embedding) this.sampled.offer(item);
  }

  fit(): void {
    const vectors = this.sampled.result().map((i) => i.embedding!);
    this.centroids = sphericalKMeans(vectors, this.opts.clusters, { seed: 1 });
    this.dimensions = vectors[0]?.length ?? 0;
  }

  get clusterCount(): number {
    return this.centroids.length;
  }

  /** Items must come in source order. */
  assign(item: EmbeddedItem): void {
    if (!item.embedding || this.centroids.length === 0) return;
    if (item.embedding.length !== this.dimensions)
      throw new Error(
        `${item.source}: an embedding of ${item.embedding.length} values, not ${this.dimensions}`,
      );
    const { index } = nearestCentroid(item.embedding, this.centroids);
    const id = Buffer.from(item.itemId);
    const source = Buffer.from(item.source);
    const head = Buffer.alloc(4);
    head.writeUInt16LE(id.length, 0);
    head.writeUInt16LE(Math.min(source.length, 0xffff), 2);
    const vector = Buffer.from(item.embedding.buffer, item.embedding.byteOffset, item.embedding.byteLength);
    const list = this.buffers.get(index) ?? [];
    list.push(head, id, source.subarray(0, 0xffff), Buffer.from(vector));
    this.buffers.set(index, list);
  }

  /** Appends what `assign` buffered to the cluster files. */
  flush(): void {
    for (const [cluster, parts] of this.buffers)
      fs.appendFileSync(this.fileOf(cluster), Buffer.concat(parts));
    this.buffers.clear();
  }

  result(): ConceptResult {
    this.flush();
    const duplicates = new Map<string, ConceptDuplicate>();
    const clusterOf = new Map<string, number>();
    const sizes: number[] = [];
    for (let cluster = 0; cluster < this.centroids.length; cluster++) {
      const survivors: { id: string; source: string; vector: Float32Array }[] = [];
      for (const item of this.read(cluster)) {
        let best: { id: string; source: string; similarity: number } | null = null;
        if (this.opts.dedupSimilarity !== null)
          for (const s of survivors) {
            const similarity = dot(item.vector, s.vector);
            if (similarity >= this.opts.dedupSimilarity && (!best || similarity > best.similarity))
              best = { id: s.id, source: s.source, similarity };
          }
        if (best)
          duplicates.set(item.id, {
            duplicateOf: best.id,
            duplicateOfSource: best.source,
            similarity: best.similarity,
            cluster,
          });
        else {
          survivors.push(item);
          clusterOf.set(item.id, cluster);
        }
      }
      sizes.push(survivors.length);
    }
    return { duplicates, clusterOf, sizes };
  }

  private fileOf(cluster: number) {
    return path.join(this.dir, `cluster-${cluster}.bin`);
  }

  private *read(cluster: number): Generator<{ id: string; source: string; vector: Float32Array }> {
    const file = this.fileOf(cluster);
    if (!fs.existsSync(file)) return;
    const bytes = fs.readFileSync(file);
    const vectorBytes = 4 * this.dimensions;
    for (let at = 0; at < bytes.length;) {
      const idLength = bytes.readUInt16LE(at);
      const sourceLength = bytes.readUInt16LE(at + 2);
      at += 4;
      const id = bytes.toString("utf8", at, at + idLength);
      at += idLength;
      const source = bytes.toString("utf8", at, at + sourceLength);
      at += sourceLength;
      // Copied out: a Float32Array over the file's buffer would need 4-byte alignment.
      const vector = new Float32Array(
        bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + vectorBytes),
      );
      at += vectorBytes;
      yield { id, source, vector };
    }
  }
}
