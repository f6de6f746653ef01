/**
 * FID on 10,000 × 2,048 features per side (Inception pool3's size): Loupe's path — two covariances
 * on ONNX Runtime, pivoted Cholesky, Lᵀ Σ₂ L, a float64 symmetric eigensolver — against numpy +
 * scipy on the same features in the same run, when python3 has them: pytorch-fid's formula
 * (np.cov + scipy.linalg.sqrtm) and the same through numpy.linalg.eigh. Reports the seconds of
 * each and how far the values agree. Features are seeded, non-negative and correlated (a
 * ReLU of a random linear mix), like real activations.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { frechetDistance, gaussianStatistics } from "@loupe/evaluators";
import { seededRandom, standardNormal } from "@loupe/stats";

const COUNT = 10_000;
const DIMENSION = 2048;
const MIX = 64; // latent factors that correlate the features

function features(seed: number, shift: number): Float32Array {
  const random = seededRandom(seed);
  const loadings = Float64Array.from({ length: MIX * DIMENSION }, () => standardNormal(random) / 8);
  const out = new Float32Array(COUNT * DIMENSION);
  const z = new Float64Array(MIX);
  for (let r = 0; r < COUNT; r++) {
    for (let k = 0; k < MIX; k++) z[k] = standardNormal(random);
    for (let c = 0; c < DIMENSION; c++) {
      let v = shift + 0.3 * standardNormal(random);
      for (let k = 0; k < MIX; k++) v += z[k]! * loadings[k * DIMENSION + c]!;
      out[r * DIMENSION + c] = Math.max(v, 0);
    }
  }
  return out;
}

const PYTHON = `
import sys, time, json
import numpy as np, scipy.linalg
n, d = ${COUNT}, ${DIMENSION}
a = np.fromfile(sys.argv[1], dtype=np.float32).reshape(n, d).astype(np.float64)
b = np.fromfile(sys.argv[2], dtype=np.float32).reshape(n, d).astype(np.float64)
t = time.perf_counter()
m1, s1 = a.mean(0), np.cov(a, rowvar=False); m2, s2 = b.mean(0), np.cov(b, rowvar=False)
cov = time.perf_counter() - t
t = time.perf_counter()
cs, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
sqrtm = time.perf_counter() - t
base = ((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2)
t = time.perf_counter()
w, V = np.linalg.eigh(s1); r = (V * np.sqrt(np.clip(w, 0, None))) @ V.T
e = np.linalg.eigvalsh(r @ s2 @ r)
eigh = time.perf_counter() - t
print(json.dumps({"cov": cov, "sqrtm": sqrtm, "eigh": eigh,
  "fidSqrtm": float(base - 2 * np.trace(cs.real)), "fidEigh": float(base - 2 * np.sqrt(np.clip(e, 0, None)).sum())}))
`;

interface NumpyTimes {
  cov: number;
  sqrtm: number;
  eigh: number;
  fidSqrtm: number;
  fidEigh: number;
}

function numpy(fileA: string, fileB: string): NumpyTimes | string {
  try {
    const out = execFileSync("python3", ["-W", "ignore", "-c", PYTHON, fileA, fileB], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split("\n").at(-1)!) as NumpyTimes;
  } catch (error) {
    return `numpy + scipy not run: ${(error as Error).message.split("\n")[0]}`;
  }
}

export async function benchFrechetDistance() {
  const a = features(1, 0);
  const b = features(2, 0.05);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-fid-"));
  const fileA = path.join(dir, "a.f32");
  const fileB = path.join(dir, "b.f32");
  fs.writeFileSync(fileA, a);
  fs.writeFileSync(fileB, b);

  const t0 = performance.now();
  const first = await gaussianStatistics({ values: a, count: COUNT, dimension: DIMENSION });
  const second = await gaussianStatistics({ values: b, count: COUNT, dimension: DIMENSION });
  const t1 = performance.now();
  const fid = await frechetDistance(first, second);
  const t2 = performance.now();
  const loupe = { covariances: (t1 - t0) / 1000, distance: (t2 - t1) / 1000, total: (t2 - t0) / 1000 };

  const reference = numpy(fileA, fileB);
  fs.rmSync(dir, { recursive: true, force: true });
  let comparison: string;
  if (typeof reference === "string") {
    comparison = reference;
  } else {
    const pytorchFid = reference.cov + reference.sqrtm;
    const eighRoute = reference.cov + reference.eigh;
    comparison =
      `numpy + scipy: pytorch-fid's formula (np.cov + sqrtm) ${pytorchFid.toFixed(2)} s ` +
      `(ratio ${(loupe.total / pytorchFid).toFixed(2)}), eigh route ${eighRoute.toFixed(2)} s ` +
      `(ratio ${(loupe.total / eighRoute).toFixed(2)}); ` +
      `FID ${reference.fidSqrtm.toFixed(9)} (sqrtm), ${reference.fidEigh.toFixed(9)} (eigh)`;
  }
  return {
    name: "FID 10,000 × 2,048 per side",
    summary:
      `Loupe ${loupe.total.toFixed(2)} s (covariances ${loupe.covariances.toFixed(2)} s, ` +
      `distance ${loupe.distance.toFixed(2)} s), FID ${fid.value.toFixed(9)}; ${comparison}`,
  };
}
