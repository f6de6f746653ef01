/**
 * Cholesky factorisation with diagonal pivoting of a symmetric positive semidefinite matrix,
 * A = L Lᵀ with L of size n × r, r the numerical rank (Higham, "Accuracy and Stability of Numerical
 * Algorithms", §10.3; LAPACK's dpstrf): at each step the largest remaining diagonal entry is the
 * pivot, and the factorisation stops when it falls to n·ε·max(diag A) — LAPACK's default tolerance.
 * A covariance of fewer samples than dimensions, or of a constant feature, is singular: the
 * factor then simply has fewer columns, and L Lᵀ still reproduces A.
 *
 * Left-looking: every inner loop is a dot product of two rows of L. Rows of L stay in A's own
 * order (the pivoting only chooses which row gives each column), so Lᵀ B L needs no permutation.
 */
export interface CholeskyFactor {
  /** n × rank, row-major. */
  factor: Float64Array;
  rank: number;
}

export function pivotedCholesky(a: Float64Array, n: number): CholeskyFactor {
  if (a.length !== n * n) throw new RangeError(`expected a ${n}×${n} matrix`);
  const residual = new Float64Array(n); // diag(A − L Lᵀ) over the rows not yet pivoted
  let largest = 0;
  for (let i = 0; i < n; i++) {
    residual[i] = a[i * n + i]!;
    largest = Math.max(largest, residual[i]!);
  }
  const tolerance = n * 2 ** -52 * largest;
  const l = new Float64Array(n * n); // row stride n; only the first `rank` columns are used
  const done = new Uint8Array(n);

  let rank = 0;
  for (; rank < n; rank++) {
    let pivot = -1;
    for (let i = 0; i < n; i++) {
      if (!done[i] && (pivot < 0 || residual[i]! > residual[pivot]!)) pivot = i;
    }
    if (pivot < 0 || !(residual[pivot]! > tolerance)) break;
    const k = rank;
    const lpk = Math.sqrt(residual[pivot]!);
    done[pivot] = 1;
    const pivotRow = pivot * n;
    l[pivotRow + k] = lpk;
    // L[i][k] = (A[i][pivot] − L[i][0:k]·L[pivot][0:k]) / L[pivot][k], A[i][pivot] = A[pivot][i].
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const lik = (a[pivotRow + i]! - dot(l, i * n, pivotRow, k)) / lpk;
      l[i * n + k] = lik;
      residual[i]! -= lik * lik;
    }
  }

  const factor = new Float64Array(n * rank);
  for (let i = 0; i < n; i++) factor.set(l.subarray(i * n, i * n + rank), i * rank);
  return { factor, rank };
}

/** x[a…a+k) · x[b…b+k) with four running sums, so the additions do not wait on each other. */
function dot(x: Float64Array, a: number, b: number, k: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < k; j += 4) {
    s0 += x[a + j]! * x[b + j]!;
    s1 += x[a + j + 1]! * x[b + j + 1]!;
    s2 += x[a + j + 2]! * x[b + j + 2]!;
    s3 += x[a + j + 3]! * x[b + j + 3]!;
  }
  for (; j < k; j++) s0 += x[a + j]! * x[b + j]!;
  return s0 + s1 + (s2 + s3);
}
