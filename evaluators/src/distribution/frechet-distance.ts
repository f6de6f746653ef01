/**
 * Fréchet distance between two Gaussians fitted to feature sets — FID when the features are
 * Inception-v3 pool3 activations (Heusel et al. 2017, "GANs Trained by a Two Time-Scale Update Rule
 * Converge to a Local Nash Equilibrium"):
 *
 *   d² = ‖μ₁ − μ₂‖² + Tr Σ₁ + Tr Σ₂ − 2 Tr (Σ₁Σ₂)^½
 *
 * with μ the feature means and Σ the unbiased covariances (numpy.cov), as pytorch-fid's
 * `calculate_frechet_distance` and clean-fid's `frechet_distance` compute it.
 *
 * Tr (Σ₁Σ₂)^½ is the sum of the square roots of the eigenvalues of Σ₁Σ₂. pytorch-fid takes a
 * general matrix square root (scipy.linalg.sqrtm, complex Schur form) and drops an imaginary part;
 * here the same eigenvalues come from a symmetric positive semidefinite matrix instead, with a
 * symmetric eigensolver in float64: with Σ₁ = L Lᵀ (pivoted Cholesky, L of size d × rank),
 * M = Lᵀ Σ₂ L is similar to the non-zero part of Σ₁^½ Σ₂ Σ₁^½ (L = Σ₁^½ Q for an orthogonal Q), so
 * both have the eigenvalues of Σ₁Σ₂. M is symmetric, its eigenvalues are real and ≥ 0 up to
 * round-off; negative round-off (|λ| tiny) counts as 0. A singular Σ₁ (fewer samples than
 * dimensions, a constant feature) only makes L narrower — no ε·I offset as pytorch-fid adds when
 * sqrtm fails, so a singular case gives the exact value of the formula.
 *
 * The covariances and Lᵀ Σ₂ L are matrix products run by ONNX Runtime (onnx-kernels.ts).
 */
import { congruence, meanAndCovariance } from "../linear-algebra/onnx-kernels";
import { pivotedCholesky } from "../linear-algebra/pivoted-cholesky";
import { symmetricEigenvalues } from "../linear-algebra/symmetric-eigenvalues";
import { checkFeatureSet, DistributionMetricError, type FeatureSet } from "./features";

/** The Gaussian fitted to a feature set; what a reference set's statistics are stored as. */
export interface GaussianStatistics {
  count: number;
  dimension: number;
  mean: Float64Array;
  /** dimension × dimension, row-major, divided by count − 1. */
  covariance: Float64Array;
}

export interface FrechetDistance {
  value: number;
  /** ‖μ₁ − μ₂‖². */
  meanTerm: number;
  /** Tr Σ₁ + Tr Σ₂ − 2 Tr (Σ₁Σ₂)^½. */
  covarianceTerm: number;
  /** Rank of Σ₁ as the pivoted Cholesky found it (below `dimension` when Σ₁ is singular). */
  rankOfFirst: number;
}

export async function gaussianStatistics(set: FeatureSet): Promise<GaussianStatistics> {
  checkFeatureSet(set, "features");
  if (set.count < 2) {
    throw new DistributionMetricError(`a covariance needs at least 2 samples, got ${set.count}`);
  }
  const { mean, covariance } = await meanAndCovariance(set.values, set.count, set.dimension);
  return { count: set.count, dimension: set.dimension, mean, covariance };
}

export async function frechetDistance(
  first: GaussianStatistics,
  second: GaussianStatistics,
): Promise<FrechetDistance> {
  const d = first.dimension;
  if (second.dimension !== d) {
    throw new DistributionMetricError(
      `feature sizes differ: ${d} and ${second.dimension} (were both made by the same encoder?)`,
    );
  }
  let meanTerm = 0;
  let traces = 0;
  for (let i = 0; i < d; i++) {
    meanTerm += (first.mean[i]! - second.mean[i]!) ** 2;
    traces += first.covariance[i * d + i]! + second.covariance[i * d + i]!;
  }
  const { factor, rank } = pivotedCholesky(first.covariance, d);
  let traceOfRoot = 0;
  if (rank > 0) {
    const m = await congruence(factor, second.covariance, d, rank);
    symmetrize(m, rank);
    for (const lambda of symmetricEigenvalues(m, rank)) traceOfRoot += Math.sqrt(Math.max(lambda, 0));
  }
  const covarianceTerm = traces - 2 * traceOfRoot;
  const value = meanTerm + covarianceTerm;
  if (!Number.isFinite(value)) throw new DistributionMetricError("the Fréchet distance is not finite");
  return { value, meanTerm, covarianceTerm, rankOfFirst: rank };
}

/** Averages M and Mᵀ: the product is symmetric in exact arithmetic, not always in floating point. */
function symmetrize(m: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (m[i * n + j]! + m[j * n + i]!) / 2;
      m[i * n + j] = mean;
      m[j * n + i] = mean;
    }
  }
}
