/**
 * The large matrix products of the distribution metrics, run by ONNX Runtime's CPU kernels (MLAS
 * GEMM, every core) in float64 instead of JavaScript loops: a 10,000 × 2,048 covariance is 4·10¹⁰
 * multiply-adds. Each product is a tiny graph built with `onnxModel` once per process.
 *
 * Matrices are row-major Float64Arrays with their sizes beside them.
 */
import * as ort from "onnxruntime-node";
import { onnxModel, type GraphNode, type GraphSpec } from "../onnx/model-proto";

const sessions = new Map<string, Promise<ort.InferenceSession>>();

function session(spec: GraphSpec): Promise<ort.InferenceSession> {
  let s = sessions.get(spec.name);
  if (!s) {
    s = ort.InferenceSession.create(onnxModel(spec), { executionProviders: ["cpu"] });
    sessions.set(spec.name, s);
    s.catch(() => sessions.delete(spec.name)); // a failed creation is tried again next time
  }
  return s;
}

/**
 * The Gram matrix G = Xcᵀ Xc of centred features. G is symmetric and ONNX has no symmetric rank-k
 * product (BLAS syrk), so the d columns are cut into `GRAM_BLOCKS` blocks and only the blocks on
 * and above the diagonal are multiplied (10 of 16 products: Gᵢⱼ = Tᵢ Tⱼᵀ, a Gemm with transB, where
 * Tᵢ is block i of the rows of Xcᵀ); those below the diagonal are their transposes.
 */
const GRAM_BLOCKS = 4;

function blockWidths(d: number): number[] {
  const k = Math.min(GRAM_BLOCKS, d);
  return Array.from({ length: k }, (_, i) => Math.floor((d * (i + 1)) / k) - Math.floor((d * i) / k));
}

function gramSpec(widths: number[]): GraphSpec {
  const k = widths.length;
  const d = widths.reduce((a, b) => a + b, 0);
  const block = (i: number, j: number) => (i <= j ? `g${i}_${j}` : `g${j}_${i}_t`);
  const products: GraphNode[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const g = `g${i}_${j}`;
      products.push({ op: "Gemm", inputs: [`t${i}`, `t${j}`], outputs: [g], attributes: { transB: 1 } });
      if (i < j) {
        products.push({ op: "Transpose", inputs: [g], outputs: [`${g}_t`], attributes: { perm: [1, 0] } });
      }
    }
  }
  const rows = Array.from({ length: k }, (_, i) => `row${i}`);
  return {
    name: `gram-${widths.join("-")}`,
    inputs: widths.map((w, i) => ({ name: `t${i}`, type: "double" as const, shape: [w, "n"] })),
    outputs: [{ name: "gram", type: "double", shape: [d, d] }],
    nodes: [
      ...products,
      ...rows.map((row, i) => ({
        op: "Concat",
        inputs: Array.from({ length: k }, (_, j) => block(i, j)),
        outputs: [row],
        attributes: { axis: 1 },
      })),
      { op: "Concat", inputs: rows, outputs: ["gram"], attributes: { axis: 0 } },
    ],
  };
}

/**
 * Xcᵀ = (X − mean)ᵀ (d × n, float64) from n × d float32 features: the column means accumulated in
 * float64, then the centred values written transposed in TILE × TILE tiles so that reads and writes
 * both stay in cache.
 */
const TILE = 32;

function centredTranspose(features: Float32Array, n: number, d: number) {
  const mean = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    const row = r * d;
    for (let c = 0; c < d; c++) mean[c]! += features[row + c]!;
  }
  for (let c = 0; c < d; c++) mean[c]! /= n;
  const transposed = new Float64Array(d * n);
  for (let r0 = 0; r0 < n; r0 += TILE) {
    const r1 = Math.min(n, r0 + TILE);
    for (let c0 = 0; c0 < d; c0 += TILE) {
      const c1 = Math.min(d, c0 + TILE);
      for (let c = c0; c < c1; c++) {
        const m = mean[c]!;
        for (let r = r0; r < r1; r++) transposed[c * n + r] = features[r * d + c]! - m;
      }
    }
  }
  return { mean, transposed };
}

/** Aᵀ B A for A (d × r) and B (d × d): a congruence, symmetric when B is. */
const CONGRUENCE: GraphSpec = {
  name: "congruence",
  inputs: [
    { name: "a", type: "double", shape: ["d", "r"] },
    { name: "b", type: "double", shape: ["d", "d"] },
  ],
  outputs: [{ name: "out", type: "double", shape: ["r", "r"] }],
  nodes: [
    { op: "Transpose", inputs: ["a"], outputs: ["at"], attributes: { perm: [1, 0] } },
    { op: "MatMul", inputs: ["at", "b"], outputs: ["atb"] },
    { op: "MatMul", inputs: ["atb", "a"], outputs: ["out"] },
  ],
};

function float64(tensor: ort.Tensor | undefined): Float64Array {
  if (!tensor || !(tensor.data instanceof Float64Array)) {
    throw new Error("ONNX Runtime returned no float64 tensor");
  }
  return tensor.data;
}

/**
 * The mean and the unbiased covariance (divided by n − 1, as numpy.cov) of n feature rows of
 * length d.
 */
export async function meanAndCovariance(
  features: Float32Array,
  n: number,
  d: number,
): Promise<{ mean: Float64Array; covariance: Float64Array }> {
  if (features.length !== n * d) throw new RangeError(`expected ${n}×${d} features`);
  const widths = blockWidths(d);
  const { mean, transposed } = centredTranspose(features, n, d);
  const feeds: Record<string, ort.Tensor> = {};
  let start = 0;
  widths.forEach((w, i) => {
    feeds[`t${i}`] = new ort.Tensor("float64", transposed.subarray(start * n, (start + w) * n), [w, n]);
    start += w;
  });
  const out = await (await session(gramSpec(widths))).run(feeds);
  const covariance = float64(out.gram);
  const divisor = n - 1;
  for (let i = 0; i < covariance.length; i++) covariance[i]! /= divisor;
  return { mean, covariance };
}

/** Aᵀ B A (r × r) for A (d × r) and B (d × d). */
export async function congruence(
  a: Float64Array,
  b: Float64Array,
  d: number,
  r: number,
): Promise<Float64Array> {
  const s = await session(CONGRUENCE);
  const out = await s.run({
    a: new ort.Tensor("float64", a, [d, r]),
    b: new ort.Tensor("float64", b, [d, d]),
  });
  return float64(out.out);
}

/**
 * The sums of the cubic polynomial kernel k(a, b) = (a·b / d + 1)³ over all pairs of X × X, Y × Y
 * and X × Y (KID; features as float32, the kernels in float64).
 */
function kernelSumsSpec(d: number): GraphSpec {
  const kernel = (a: string, b: string, out: string): GraphNode[] => [
    { op: "Gemm", inputs: [a, b], outputs: [`${out}_dot`], attributes: { transB: 1 } },
    { op: "Div", inputs: [`${out}_dot`, "d"], outputs: [`${out}_scaled`] },
    { op: "Add", inputs: [`${out}_scaled`, "one"], outputs: [`${out}_base`] },
    { op: "Pow", inputs: [`${out}_base`, "three"], outputs: [`${out}_k`] },
    { op: "ReduceSum", inputs: [`${out}_k`], outputs: [out], attributes: { keepdims: 0 } },
  ];
  const scalar = (name: string, value: number) => ({ name, dims: [], data: Float64Array.of(value) });
  return {
    name: `kernel-sums-${d}`,
    inputs: [
      { name: "x", type: "float", shape: ["m", d] },
      { name: "y", type: "float", shape: ["m", d] },
    ],
    outputs: ["xx", "yy", "xy"].map((name) => ({ name, type: "double" as const, shape: [] })),
    nodes: [
      { op: "Cast", inputs: ["x"], outputs: ["x64"], attributes: { to: 11 } },
      { op: "Cast", inputs: ["y"], outputs: ["y64"], attributes: { to: 11 } },
      ...kernel("x64", "x64", "xx"),
      ...kernel("y64", "y64", "yy"),
      ...kernel("x64", "y64", "xy"),
    ],
    initializers: [scalar("d", d), scalar("one", 1), scalar("three", 3)],
  };
}

/** Σᵢⱼ k(xᵢ, xⱼ), Σᵢⱼ k(yᵢ, yⱼ) and Σᵢⱼ k(xᵢ, yⱼ) for m × d feature rows X and Y. */
export async function cubicKernelSums(
  x: Float32Array,
  y: Float32Array,
  m: number,
  d: number,
): Promise<{ xx: number; yy: number; xy: number }> {
  const out = await (
    await session(kernelSumsSpec(d))
  ).run({
    x: new ort.Tensor("float32", x, [m, d]),
    y: new ort.Tensor("float32", y, [m, d]),
  });
  return { xx: float64(out.xx)[0]!, yy: float64(out.yy)[0]!, xy: float64(out.xy)[0]! };
}
