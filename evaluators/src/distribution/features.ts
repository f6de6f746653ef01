/**
 * A set of feature vectors (Inception pool3 for FID and KID): `count` rows of `dimension` float32
 * values, row-major — the layout an ONNX encoder's output batch already has.
 */
export interface FeatureSet {
  values: Float32Array;
  count: number;
  dimension: number;
}

export class DistributionMetricError extends Error {
  override name = "DistributionMetricError";
}

/** Checks the layout and that no value is NaN or infinite (a broken encoder must not become a score). */
export function checkFeatureSet(set: FeatureSet, label: string): void {
  if (!Number.isInteger(set.count) || !Number.isInteger(set.dimension) || set.dimension < 1) {
    throw new DistributionMetricError(`${label}: count and dimension must be whole numbers`);
  }
  if (set.values.length !== set.count * set.dimension) {
    throw new DistributionMetricError(
      `${label}: ${set.values.length} values are not ${set.count} × ${set.dimension}`,
    );
  }
  for (let i = 0; i < set.values.length; i++) {
    if (!Number.isFinite(set.values[i]!)) {
      throw new DistributionMetricError(`${label}: feature ${i} is not a finite number`);
    }
  }
}
