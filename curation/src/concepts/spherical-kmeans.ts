/**
 * Spherical k-means over unit-length embeddings: cosine similarity as the measure, centroids the
 * normalised means of their members (Dhillon & Modha 2001), seeded by k-means++ (Arthur &
 * Vassilvitskii 2007) with a fixed seed, so the same embeddings give the same clusters. SemDeDup
 * (Abbas et al. 2023) and Movie Gen's concept balancing (Polyak et al. 2024, §3.1.1) both cluster
 * image embeddings this way before working within each cluster.
 */
import { seededRandom } from "@loupe/stats";

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The vector scaled to unit length (a zero vector stays zero). */
export function normalized(v: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm);
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** The index of the most similar centroid, and that similarity. */
export function nearestCentroid(
  v: Float32Array,
  centroids: readonly Float32Array[],
): { index: number; similarity: number } {
  let index = 0;
  let similarity = -Infinity;
  for (let c = 0; c < centroids.length; c++) {
    const s = dot(v, centroids[c]!);
    if (s > similarity) {
      similarity = s;
      index = c;
    }
  }
  return { index, similarity };
}

/**
 * k centroids for unit vectors (fewer when there are fewer distinct vectors). k-means++ picks each
 * next seed with probability proportional to its squared distance to the nearest seed so far
 * (‖a − b‖² = 2 − 2·cos for unit vectors); Lloyd's iterations then run until no assignment changes
 * or `maxIterations`.
 */
export function sphericalKMeans(
  vectors: readonly Float32Array[],
  k: number,
  opts: { seed?: number; maxIterations?: number } = {},
): Float32Array[] {
  if (vectors.length === 0 || k < 1) return [];
  const random = seededRandom(opts.seed ?? 1);
  const centroids: Float32Array[] = [vectors[random.int(vectors.length)]!];
  const distance = vectors.map((v) => Math.max(0, 2 - 2 * dot(v, centroids[0]!)));
  while (centroids.length < Math.min(k, vectors.length)) {
    const total = distance.reduce((a, b) => a + b, 0);
    if (total <= 1e-12) break; // every vector already sits on a centroid
    let pick = random.next() * total;
    let chosen = distance.length - 1;
    for (let i = 0; i < distance.length; i++) {
      pick -= distance[i]!;
      if (pick < 0) {
        chosen = i;
        break;
      }
    }
    const seed = vectors[chosen]!;
    centroids.push(seed);
    for (let i = 0; i < vectors.length; i++)
      distance[i] = Math.min(distance[i]!, Math.max(0, 2 - 2 * dot(vectors[i]!, seed)));
  }

  const assignment = new Int32Array(vectors.length).fill(-1);
  for (let iteration = 0; iteration < (opts.maxIterations ?? 25); iteration++) {
    let changed = false;
    for (let i = 0; i < vectors.length; i++) {
      const { index } = nearestCentroid(vectors[i]!, centroids);
      if (assignment[i] !== index) {
        assignment[i] = index;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = centroids.map((c) => new Float64Array(c.length));
    for (let i = 0; i < vectors.length; i++) {
      const sum = sums[assignment[i]!]!;
      const v = vectors[i]!;
      for (let j = 0; j < v.length; j++) sum[j]! += v[j]!;
    }
    // A centroid that lost every member keeps its place.
    sums.forEach((sum, c) => {
      if (sum.some((x) => x !== 0)) centroids[c] = normalized(sum);
    });
  }
  return centroids;
}
