import { describe, expect, it } from "vitest";
import { seededRandom } from "@loupe/stats";
import { dot, nearestCentroid, normalized, sphericalKMeans } from "./spherical-kmeans";

/** Unit vectors scattered around a direction. */
function around(direction: number[], n: number, spread: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () =>
    normalized(direction.map((x) => x + spread * (random.next() - 0.5))),
  );
}

describe("sphericalKMeans", () => {
  it("finds three well separated groups, each centroid near its direction", () => {
    const directions = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
    ];
    const vectors = directions.flatMap((d, i) => around(d, 30, 0.2, i + 1));
    const centroids = sphericalKMeans(vectors, 3, { seed: 7 });
    expect(centroids).toHaveLength(3);
    for (const d of directions) {
      const { similarity } = nearestCentroid(normalized(d), centroids);
      expect(similarity).toBeGreaterThan(0.99);
    }
    // Every member of a group lands with the group's centroid.
    for (const [g, d] of directions.entries()) {
      const mine = nearestCentroid(normalized(d), centroids).index;
      for (const v of vectors.slice(30 * g, 30 * g + 30))
        expect(nearestCentroid(v, centroids).index).toBe(mine);
    }
  });

  it("is reproducible for a seed, and gives no more centroids than distinct vectors", () => {
    const vectors = around([1, 2, 3], 20, 1, 3);
    expect(sphericalKMeans(vectors, 4, { seed: 5 })).toEqual(sphericalKMeans(vectors, 4, { seed: 5 }));
    const same = [normalized([1, 0]), normalized([1, 0]), normalized([2, 0])];
    expect(sphericalKMeans(same, 3)).toHaveLength(1);
    expect(sphericalKMeans([], 3)).toEqual([]);
  });

  it("normalises, and dot of unit vectors is their cosine", () => {
    expect(Array.from(normalized([3, 4]))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
    expect(dot(normalized([1, 1]), normalized([1, 0]))).toBeCloseTo(Math.SQRT1_2, 6);
    expect(Array.from(normalized([0, 0]))).toEqual([0, 0]);
  });
});
