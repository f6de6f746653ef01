import { describe, expect, it } from "vitest";
import { congruence, meanAndCovariance } from "./onnx-kernels";
import { pivotedCholesky } from "./pivoted-cholesky";
import { symmetricEigenvalues } from "./symmetric-eigenvalues";

/** A[i][j] = sin(7·max + 3·min) + [i = j]: symmetric, indefinite. */
function sineMatrix(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      a[i * n + j] = Math.sin(Math.max(i, j) * 7 + Math.min(i, j) * 3) + (i === j ? 1 : 0);
    }
  }
  return a;
}

describe("symmetricEigenvalues", () => {
  it("matches numpy.linalg.eigvalsh", () => {
    // np.linalg.eigvalsh(a) for the same 6×6 matrix (numpy 2.4, LAPACK dsyevd):
    const expected = [
      -1.4869700233393568, -0.205352874267928, 0.7414448464152076, 1.4011774960796346, 1.9760175439374204,
      3.437313833695839,
    ];
    const got = symmetricEigenvalues(sineMatrix(6), 6);
    expected.forEach((value, i) => expect(got[i]).toBeCloseTo(value, 13));
  });

  it("keeps the trace and the Frobenius norm of a larger matrix (similarity invariants)", () => {
    const n = 120;
    const a = sineMatrix(n);
    const values = symmetricEigenvalues(a, n);
    let trace = 0;
    let frobenius = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i]!;
    for (const x of a) frobenius += x * x;
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 10);
    expect(values.reduce((s, x) => s + x * x, 0)).toBeCloseTo(frobenius, 8);
    for (let i = 1; i < n; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
  });

  it("handles the small and the already-diagonal cases", () => {
    expect(Array.from(symmetricEigenvalues(new Float64Array(0), 0))).toEqual([]);
    expect(Array.from(symmetricEigenvalues(Float64Array.of(4), 1))).toEqual([4]);
    expect(Array.from(symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2))).toEqual([1, 3]);
    expect(Array.from(symmetricEigenvalues(Float64Array.of(3, 0, 0, 0, 1, 0, 0, 0, 2), 3))).toEqual([
      1, 2, 3,
    ]);
  });
});

describe("pivotedCholesky", () => {
  it("factors a positive semidefinite matrix of rank 3 into 6 × 3", async () => {
    const n = 6;
    const r = 3;
    const b = Array.from({ length: n }, (_, i) =>
      Array.from({ length: r }, (_, j) => ((i * 3 + j * 5) % 7) - 3),
    );
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i * n + j] = b[i]!.reduce((s, x, k) => s + x * b[j]![k]!, 0);
    }
    const { factor, rank } = pivotedCholesky(a, n);
    expect(rank).toBe(3); // numpy.linalg.matrix_rank(B @ B.T) = 3
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < rank; k++) s += factor[i * rank + k]! * factor[j * rank + k]!;
        expect(s).toBeCloseTo(a[i * n + j]!, 12);
      }
    }
  });

  it("gives rank 0 for the zero matrix", async () => {
    expect(pivotedCholesky(new Float64Array(9), 3).rank).toBe(0);
  });
});

describe("ONNX Runtime kernels", () => {
  it("computes numpy.cov's unbiased covariance and the mean", async () => {
    // rows (1, 2), (3, 5), (5, 11): np.cov(x, rowvar=False) = [[4, 9], [9, 21]], mean (3, 6)
    const { mean, covariance } = await meanAndCovariance(Float32Array.of(1, 2, 3, 5, 5, 11), 3, 2);
    expect(Array.from(mean)).toEqual([3, 6]);
    expect(Array.from(covariance)).toEqual([4, 9, 9, 21]);
  });

  it("assembles the symmetric blocks of a wider covariance in the right places", async () => {
    const n = 7;
    const d = 9; // four blocks of 2 or 3 columns
    const x = Float32Array.from({ length: n * d }, (_, i) => ((i * 37) % 23) - 11);
    const { covariance } = await meanAndCovariance(x, n, d);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let ma = 0;
        let mb = 0;
        for (let r = 0; r < n; r++) {
          ma += x[r * d + a]! / n;
          mb += x[r * d + b]! / n;
        }
        let s = 0;
        for (let r = 0; r < n; r++) s += (x[r * d + a]! - ma) * (x[r * d + b]! - mb);
        expect(covariance[a * d + b]).toBeCloseTo(s / (n - 1), 12);
      }
    }
  });

  it("computes Aᵀ B A", async () => {
    // A = [[1, 0], [2, 1], [0, 3]], B = diag(1, 2, 3): AᵀBA = [[9, 4], [4, 29]]
    const out = await congruence(
      Float64Array.of(1, 0, 2, 1, 0, 3),
      Float64Array.of(1, 0, 0, 0, 2, 0, 0, 0, 3),
      3,
      2,
    );
    expect(Array.from(out)).toEqual([9, 4, 4, 29]);
  });
});
