/**
 * Kernel Inception Distance (Bińkowski et al. 2018, "Demystifying MMD GANs"): the unbiased squared
 * maximum mean discrepancy with the cubic polynomial kernel k(a, b) = (a·b / d + 1)³, averaged over
 * random subsets — exactly as clean-fid's `kernel_distance` computes it (Parmar et al. 2022):
 *
 *   m = min(n₁, n₂, subsetSize)            (1,000 by default; 100 subsets)
 *   for each subset: x ⊂ set₂, y ⊂ set₁, m rows each, drawn without replacement
 *     t += (Σ_{i≠j} k(xᵢ,xⱼ) + Σ_{i≠j} k(yᵢ,yⱼ)) / (m − 1) − 2 Σᵢⱼ k(xᵢ,yⱼ) / m
 *   KID = t / subsets / m
 *
 * Sets smaller than the subset size shrink the subset to the smaller set, as clean-fid does; the
 * size used is returned with the value. The subsets come from a seeded generator (numpy's stream
 * cannot be reproduced in JavaScript), so a value is reproducible for its seed; with m equal to
 * both set sizes every subset is the whole set and the value is exactly clean-fid's.
 */
import { seededRandom, type Random } from "@loupe/stats";
import { cubicKernelSums } from "../linear-algebra/onnx-kernels";
import { checkFeatureSet, DistributionMetricError, type FeatureSet } from "./features";

export interface KernelDistanceOptions {
  subsets?: number;
  subsetSize?: number;
  seed?: number;
}

export interface KernelDistance {
  value: number;
  subsets: number;
  subsetSize: number;
}

export async function kernelDistance(
  first: FeatureSet,
  second: FeatureSet,
  options: KernelDistanceOptions = {},
): Promise<KernelDistance> {
  checkFeatureSet(first, "first set");
  checkFeatureSet(second, "second set");
  const d = first.dimension;
  if (second.dimension !== d) {
    throw new DistributionMetricError(`feature sizes differ: ${d} and ${second.dimension}`);
  }
  const subsets = options.subsets ?? 100;
  const m = Math.min(first.count, second.count, options.subsetSize ?? 1000);
  if (m < 2) {
    throw new DistributionMetricError(
      `KID needs at least 2 samples in each set, got ${first.count} and ${second.count}`,
    );
  }
  const random = seededRandom(options.seed ?? 0);
  let t = 0;
  for (let s = 0; s < subsets; s++) {
    const x = sampleRows(second, m, random);
    const y = sampleRows(first, m, random);
    const sums = await cubicKernelSums(x, y, m, d);
    const diagonal = selfKernelSum(x, m, d) + selfKernelSum(y, m, d);
    t += (sums.xx + sums.yy - diagonal) / (m - 1) - (sums.xy * 2) / m;
  }
  return { value: t / subsets / m, subsets, subsetSize: m };
}

/** m distinct rows, chosen by a partial Fisher–Yates shuffle. */
function sampleRows(set: FeatureSet, m: number, random: Random): Float32Array {
  const order = Array.from({ length: set.count }, (_, i) => i);
  const out = new Float32Array(m * set.dimension);
  for (let i = 0; i < m; i++) {
    const j = i + random.int(set.count - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
    const row = order[i]! * set.dimension;
    out.set(set.values.subarray(row, row + set.dimension), i * set.dimension);
  }
  return out;
}

/** Σᵢ k(xᵢ, xᵢ) = Σᵢ (‖xᵢ‖² / d + 1)³: the diagonal the unbiased estimate leaves out. */
function selfKernelSum(x: Float32Array, m: number, d: number): number {
  let sum = 0;
  for (let i = 0; i < m; i++) {
    let norm = 0;
    for (let j = i * d; j < (i + 1) * d; j++) norm += x[j]! * x[j]!;
    sum += (norm / d + 1) ** 3;
  }
  return sum;
}
