/**
 * Eigenvalues of a real symmetric matrix in float64: Householder reduction to tridiagonal form,
 * then the implicit QL algorithm with Wilkinson-style shifts — the classical pair of EISPACK's
 * tred1/tql1 (Bowdler, Martin, Reinsch & Wilkinson 1968; as in JAMA's EigenvalueDecomposition and
 * Numerical Recipes §11.2–11.3), the same method LAPACK's dsyev uses. Eigenvectors are not formed.
 *
 * The reduction works on the lower triangle of a row-major copy, a row at a time, so its inner
 * loops read memory in order: H = I − τvvᵀ with v₀ = 1 (LAPACK's dlarfg convention),
 *   p = τ A v,  w = p − (τ/2)(pᵀv) v,  A ← A − v wᵀ − w vᵀ.
 */

/** Ascending eigenvalues of the symmetric n × n matrix `a` (row-major; only its lower triangle is read). */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  if (a.length !== n * n) throw new RangeError(`expected a ${n}×${n} matrix`);
  const { diagonal, offDiagonal } = tridiagonalize(a, n);
  return tridiagonalEigenvalues(diagonal, offDiagonal);
}

/**
 * The tridiagonal matrix similar to `a`: its diagonal and the n − 1 entries below it.
 *
 * Step k reflects column k. Its rank-2 update of the trailing block and the product A v of step
 * k + 1 share one pass over the block (the next reflector only needs the block's first column,
 * which is updated first), and that pass handles two rows at a time so every load of the vectors
 * serves both: memory is read once per step instead of twice.
 */
export function tridiagonalize(input: Float64Array, n: number) {
  const a = Float64Array.from(input);
  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(0, n - 1));
  // Vectors over global row indices: the reflector v and w of this step, the next reflector and
  // its product p = A v.
  let v = new Float64Array(n);
  let next = new Float64Array(n);
  const w = new Float64Array(n);
  const p = new Float64Array(n);

  /** The reflector of column c (rows c+1…n−1) into `target`; returns τ (0: nothing to reflect). */
  const reflector = (c: number, target: Float64Array): number => {
    const alpha = a[(c + 1) * n + c]!;
    let sigma = 0;
    for (let i = c + 2; i < n; i++) sigma += a[i * n + c]! ** 2;
    if (sigma === 0) {
      offDiagonal[c] = alpha;
      return 0;
    }
    const beta = -Math.sign(alpha || 1) * Math.sqrt(alpha * alpha + sigma);
    const scale = 1 / (alpha - beta);
    offDiagonal[c] = beta;
    target[c + 1] = 1;
    for (let i = c + 2; i < n; i++) target[i] = a[i * n + c]! * scale;
    return (beta - alpha) / beta;
  };

  if (n < 3) return finish(a, n, 0, diagonal, offDiagonal);
  let tau = reflector(0, v);
  symmetricProduct(a, n, 1, v, p);
  for (let i = 1; i < n; i++) p[i]! *= tau;

  for (let k = 0; k < n - 2; k++) {
    diagonal[k] = a[k * n + k]!;
    const first = k + 1;
    // p = τ A v; w = p − (τ/2)(pᵀv) v (zero when τ = 0: nothing to update).
    let pv = 0;
    for (let i = first; i < n; i++) pv += p[i]! * v[i]!;
    const half = (tau / 2) * pv;
    for (let i = first; i < n; i++) w[i] = p[i]! - half * v[i]!;
    // The block's first column, then the next reflector from it.
    for (let i = first; i < n; i++) a[i * n + first]! -= v[i]! * w[first]! + w[i]! * v[first]!;
    next.fill(0);
    const nextTau = k + 1 < n - 2 ? reflector(first, next) : 0;
    p.fill(0);
    updateAndMultiply(a, n, first + 1, v, w, next, p);
    for (let i = first + 1; i < n; i++) p[i]! *= nextTau;
    [v, next] = [next, v];
    tau = nextTau;
  }
  return finish(a, n, n - 2, diagonal, offDiagonal);
}

function finish(a: Float64Array, n: number, from: number, diagonal: Float64Array, offDiagonal: Float64Array) {
  for (let k = from; k < n; k++) diagonal[k] = a[k * n + k]!;
  if (n >= 2) offDiagonal[n - 2] = a[(n - 1) * n + n - 2]!;
  return { diagonal, offDiagonal };
}

/** p = A v over rows/columns start…n−1, reading only the lower triangle. */
function symmetricProduct(a: Float64Array, n: number, start: number, v: Float64Array, p: Float64Array) {
  for (let i = start; i < n; i++) {
    const row = i * n;
    const vi = v[i]!;
    let sum = 0;
    for (let j = start; j < i; j++) {
      const aij = a[row + j]!;
      sum += aij * v[j]!;
      p[j]! += aij * vi;
    }
    p[i]! += sum + a[row + i]! * vi;
  }
}

/**
 * One pass over the lower triangle of rows/columns start…n−1: A ← A − v wᵀ − w vᵀ, and p = A u with
 * the updated A. Two rows at a time, so each load of v, w, u and p serves both. (Zero vectors make
 * either half a no-op.)
 */
function updateAndMultiply(
  a: Float64Array,
  n: number,
  start: number,
  v: Float64Array,
  w: Float64Array,
  u: Float64Array,
  p: Float64Array,
) {
  let i = start;
  for (; i + 1 < n; i += 2) {
    const r0 = i * n;
    const r1 = r0 + n;
    const v0 = v[i]!;
    const w0 = w[i]!;
    const u0 = u[i]!;
    const v1 = v[i + 1]!;
    const w1 = w[i + 1]!;
    const u1 = u[i + 1]!;
    let s0 = 0;
    let s1 = 0;
    for (let j = start; j < i; j++) {
      const vj = v[j]!;
      const wj = w[j]!;
      const uj = u[j]!;
      const a0 = a[r0 + j]! - (v0 * wj + w0 * vj);
      const a1 = a[r1 + j]! - (v1 * wj + w1 * vj);
      a[r0 + j] = a0;
      a[r1 + j] = a1;
      s0 += a0 * uj;
      s1 += a1 * uj;
      p[j]! += a0 * u0 + a1 * u1;
    }
    const d0 = a[r0 + i]! - 2 * v0 * w0; // (i, i)
    const c10 = a[r1 + i]! - (v1 * w0 + w1 * v0); // (i + 1, i)
    const d1 = a[r1 + i + 1]! - 2 * v1 * w1; // (i + 1, i + 1)
    a[r0 + i] = d0;
    a[r1 + i] = c10;
    a[r1 + i + 1] = d1;
    p[i]! += s0 + d0 * u0 + c10 * u1;
    p[i + 1]! += s1 + c10 * u0 + d1 * u1;
  }
  if (i < n) {
    const r0 = i * n;
    const v0 = v[i]!;
    const w0 = w[i]!;
    const u0 = u[i]!;
    let s0 = 0;
    for (let j = start; j < i; j++) {
      const a0 = a[r0 + j]! - (v0 * w[j]! + w0 * v[j]!);
      a[r0 + j] = a0;
      s0 += a0 * u[j]!;
      p[j]! += a0 * u0;
    }
    const d0 = a[r0 + i]! - 2 * v0 * w0;
    a[r0 + i] = d0;
    p[i]! += s0 + d0 * u0;
  }
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix (d on the diagonal, e beside it) by implicit QL
 * (EISPACK tql1, as JAMA's tql2 without the vectors). Returns them in ascending order.
 */
export function tridiagonalEigenvalues(diagonal: Float64Array, offDiagonal: Float64Array): Float64Array {
  const n = diagonal.length;
  const d = Float64Array.from(diagonal);
  const e = new Float64Array(n);
  e.set(offDiagonal.subarray(0, Math.max(0, n - 1)));
  const eps = 2 ** -52;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m === n) m = n - 1;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > 60) throw new Error("tridiagonal QL did not converge");
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;

        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
  return d.sort();
}
