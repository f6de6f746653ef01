/**
 * FID and KID against independent implementations. Every expected value below was computed with
 * numpy 2.4 / scipy 1.17 (and mpmath 1.3 at 50 digits) by this script — the same features, built
 * from integers so float32 rounding is identical in both languages, then cast to float64 (pytorch-fid
 * takes the means of float32 features in float32, which moves these values by ~1e-9):
 *
 *   def feats(n, d, salt):
 *       i = np.arange(n)[:, None]; j = np.arange(d)[None, :]
 *       return (((i*31 + j*17 + i*j*7 + salt) % 97) / 97 - 0.5 + ((i*j + salt) % 11) / 50).astype(np.float32)
 *   # pytorch-fid's calculate_frechet_distance (np.cov + scipy.linalg.sqrtm):
 *   def pytorch_fid(a, b):
 *       m1, m2 = a.mean(0), b.mean(0); s1, s2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
 *       cs, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
 *       return ((m1-m2)**2).sum() + np.trace(s1) + np.trace(s2) - 2*np.trace(cs.real)
 *   # the same formula through Σ₁^½ Σ₂ Σ₁^½ and numpy.linalg.eigh (exact for singular Σ₁):
 *   def exact_fid(a, b):
 *       ...; w, V = np.linalg.eigh(s1); r = (V*np.sqrt(np.clip(w, 0, None))) @ V.T
 *       e = np.linalg.eigvalsh(r @ s2 @ r)
 *       return ((m1-m2)**2).sum() + np.trace(s1) + np.trace(s2) - 2*np.sqrt(np.clip(e, 0, None)).sum()
 *   # 50 digits for a singular Σ₁: eig(Σ₁Σ₂) ∖ {0} = eig(Xc Σ₂ Xcᵀ / (n − 1)), mpmath.eigsy on that
 *   # n × n symmetric matrix, Σ√λ with mpmath.fsum.
 *   # clean-fid's kernel_distance with the subset equal to the whole sets (m = n₁ = n₂):
 *   def kid_all(f1, f2):
 *       n = f1.shape[1]; m = f1.shape[0]; x = f2.astype(np.float64); y = f1.astype(np.float64)
 *       a = (x @ x.T/n + 1)**3 + (y @ y.T/n + 1)**3; b = (x @ y.T/n + 1)**3
 *       return ((a.sum() - np.diag(a).sum())/(m-1) - b.sum()*2/m) / m
 */
import { describe, expect, it } from "vitest";
import { DistributionMetricError, type FeatureSet } from "./features";
import { frechetDistance, gaussianStatistics } from "./frechet-distance";
import { kernelDistance } from "./kernel-distance";

function feats(n: number, d: number, salt: number): FeatureSet {
  const values = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      values[i * d + j] = ((i * 31 + j * 17 + i * j * 7 + salt) % 97) / 97 - 0.5 + ((i * j + salt) % 11) / 50;
    }
  }
  return { values, count: n, dimension: d };
}

async function fid(a: FeatureSet, b: FeatureSet) {
  return frechetDistance(await gaussianStatistics(a), await gaussianStatistics(b));
}

describe("frechetDistance", () => {
  it("matches pytorch-fid on full-rank covariances", async () => {
    const result = await fid(feats(200, 16, 0), feats(200, 16, 5));
    // pytorch_fid(a, b) = 0.16653730438912362, exact_fid(a, b) = 0.1665373043891254
    expect(result.value).toBeCloseTo(0.16653730438912362, 13);
    expect(result.rankOfFirst).toBe(16);
    expect(result.meanTerm + result.covarianceTerm).toBe(result.value);
  });

  it("is exact for a singular covariance (fewer samples than dimensions)", async () => {
    const result = await fid(feats(10, 16, 3), feats(40, 16, 8));
    // mpmath: 0.72643760798113547906. numpy's eigh route gives 0.7264375941088881 here: the square
    // roots of the ±1e-17 round-off eigenvalues of the null space add up to ~1e-8; the pivoted
    // Cholesky leaves the null space out, so this is exact to 1e-15.
    expect(result.value).toBeCloseTo(0.7264376079811355, 14);
    expect(result.rankOfFirst).toBeLessThanOrEqual(9);
  });

  it("is zero between a set and itself", async () => {
    const set = feats(120, 8, 1);
    const result = await fid(set, set);
    expect(Math.abs(result.value)).toBeLessThan(1e-10);
  });

  it("refuses sets of different feature sizes, one sample, or NaN features", async () => {
    const a = await gaussianStatistics(feats(20, 8, 0));
    const b = await gaussianStatistics(feats(20, 6, 0));
    await expect(frechetDistance(a, b)).rejects.toThrow(/feature sizes differ: 8 and 6/);
    await expect(gaussianStatistics(feats(1, 8, 0))).rejects.toThrow(/at least 2 samples/);
    const broken = feats(20, 8, 0);
    broken.values[17] = Number.NaN;
    await expect(gaussianStatistics(broken)).rejects.toThrow(DistributionMetricError);
  });
});

describe("kernelDistance", () => {
  it("matches clean-fid's kernel_distance when the subsets are the whole sets", async () => {
    const result = await kernelDistance(feats(50, 16, 0), feats(50, 16, 5), { subsetSize: 50, subsets: 3 });
    // kid_all(feats(50,16,0), feats(50,16,5)) = -0.006060832302718495
    expect(result.value).toBeCloseTo(-0.006060832302718495, 13);
    expect(result).toMatchObject({ subsets: 3, subsetSize: 50 });
  });

  it("shrinks the subset to the smaller set, as clean-fid does, and says so", async () => {
    const result = await kernelDistance(feats(30, 16, 0), feats(30, 16, 2), { subsets: 2 });
    // kid_all(feats(30,16,0), feats(30,16,2)) = -0.018453603334219082
    expect(result.subsetSize).toBe(30);
    expect(result.value).toBeCloseTo(-0.018453603334219082, 13);
  });

  it("is reproducible for a seed and differs between seeds on real subsets", async () => {
    const a = feats(80, 8, 0);
    const b = feats(90, 8, 4);
    const options = { subsetSize: 20, subsets: 5 };
    const first = await kernelDistance(a, b, { ...options, seed: 7 });
    const again = await kernelDistance(a, b, { ...options, seed: 7 });
    const other = await kernelDistance(a, b, { ...options, seed: 8 });
    expect(again.value).toBe(first.value);
    expect(other.value).not.toBe(first.value);
  });

  it("refuses sets with fewer than two samples", async () => {
    await expect(kernelDistance(feats(1, 8, 0), feats(10, 8, 0))).rejects.toThrow(/at least 2 samples/);
  });
});
