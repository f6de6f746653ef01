/**
 * `onnx`: a local ONNX pipeline in onnxruntime-node — for example a one-step generator that maps
 * a seeded noise tensor to an image. Inputs are filled from the item (seeded standard normal
 * noise, the seed, numeric parameters); the output tensor (NCHW or NHWC, in -1..1, 0..1 or
 * 0..255) becomes a PNG.
 *
 * Execution provider: "auto" asks for CUDA and falls back to CPU when this machine's
 * onnxruntime-node has no CUDA provider (its npm package ships CPU binaries; the CUDA ones come
 * from its install script). The provider that actually ran is reported with every output.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import type * as OrtModule from "onnxruntime-node";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { seededRandom, standardNormal } from "@loupe/stats";
import {
  GenerationError,
  type GeneratedMedia,
  type GenerationAdapter,
  type GenerationRequest,
} from "../adapter";
import type { OnnxAdapterConfig } from "../config";

const require = createRequire(import.meta.url);

type Ort = typeof OrtModule;

/** Sessions are expensive to create: one per (file, provider, GPU) per process, shared by chunks. */
const sessions = new Map<string, Promise<{ session: InferenceSession; provider: string }>>();

export class OnnxAdapter implements GenerationAdapter {
  readonly kind = "onnx";
  readonly usesGpu = true;

  constructor(private readonly config: OnnxAdapterConfig) {}

  async generate(request: GenerationRequest): Promise<GeneratedMedia & { executionProvider: string }> {
    const ort = await import("onnxruntime-node");
    const { session, provider } = await this.session(ort, request.cudaVisibleDevices);
    const feeds: Record<string, Tensor> = {};
    const random = seededRandom(seed32(request.seed));
    for (const input of this.config.inputs) {
      if (input.source === "noise") {
        const size = input.shape.reduce((a, b) => a * b, 1);
        const data = new Float32Array(size);
        for (let i = 0; i < size; i++) data[i] = standardNormal(random);
        feeds[input.name] = new ort.Tensor("float32", data, input.shape);
      } else if (input.source === "seed") {
        feeds[input.name] = new ort.Tensor("int64", BigInt64Array.from([request.seed]), [1]);
      } else {
        const value = request.params[input.param];
        if (typeof value !== "number" || !Number.isFinite(value))
          throw new GenerationError(
            `the input "${input.name}" needs a numeric parameter "${input.param}"`,
            false,
          );
        feeds[input.name] = new ort.Tensor("float32", Float32Array.from([value]), [1]);
      }
    }
    let results: Record<string, Tensor>;
    try {
      results = await session.run(feeds);
    } catch (err) {
      throw new GenerationError(`the ONNX model failed: ${(err as Error).message}`, false);
    }
    const name = this.config.output.name ?? session.outputNames[0]!;
    const tensor = results[name];
    if (!tensor) throw new GenerationError(`the ONNX model has no output "${name}"`, false);
    return { media: await tensorToPng(tensor, this.config.output), executionProvider: provider };
  }

  private session(ort: Ort, cudaVisibleDevices: string | undefined) {
    const { modelPath, sha256, executionProvider } = this.config;
    // A file replaced in place (no sha256 registered) is a new model: size and time are in the key.
    const stat = fs.statSync(modelPath, { throwIfNoEntry: false });
    const version = stat ? `${stat.size}:${stat.mtimeMs}` : "missing";
    const key = `${modelPath}|${version}|${sha256 ?? ""}|${executionProvider}|${cudaVisibleDevices ?? ""}`;
    let entry = sessions.get(key);
    if (!entry) {
      entry = this.createSession(ort, cudaVisibleDevices);
      sessions.set(key, entry);
      entry.catch(() => sessions.delete(key));
    }
    return entry;
  }

  private async createSession(ort: Ort, cudaVisibleDevices: string | undefined) {
    const { modelPath, sha256, executionProvider } = this.config;
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(modelPath);
    } catch (err) {
      throw new GenerationError(`cannot read the ONNX model ${modelPath}: ${(err as Error).message}`, false);
    }
    if (sha256 && crypto.createHash("sha256").update(bytes).digest("hex") !== sha256)
      throw new GenerationError(`${modelPath} does not match its registered sha256`, false);
    // The slot's first visible GPU is device 0 inside CUDA_VISIBLE_DEVICES; in process we pick the
    // slot's physical id directly, since the variable cannot change inside a running process.
    const deviceId = Number(cudaVisibleDevices?.split(",")[0] ?? 0);
    // "auto" tries CUDA only where onnxruntime-node has its CUDA provider library installed.
    if (executionProvider === "cuda" || (executionProvider === "auto" && cudaProviderInstalled())) {
      try {
        const session = await ort.InferenceSession.create(bytes, {
          executionProviders: [{ name: "cuda", deviceId }],
        });
        return { session, provider: "cuda" };
      } catch (err) {
        if (executionProvider === "cuda")
          throw new GenerationError(
            `the CUDA execution provider is not available here: ${(err as Error).message}`,
            false,
          );
      }
    }
    try {
      return {
        session: await ort.InferenceSession.create(bytes, { executionProviders: ["cpu"] }),
        provider: "cpu",
      };
    } catch (err) {
      throw new GenerationError(`cannot load the ONNX model ${modelPath}: ${(err as Error).message}`, false);
    }
  }
}

/**
 * Whether onnxruntime-node's CUDA provider library is next to its binding. Its npm package ships
 * CPU binaries; the CUDA provider arrives through its install script (or a copy the user puts
 * there), so on most machines without a GPU it is absent and "auto" goes straight to CPU.
 */
function cudaProviderInstalled(): boolean {
  try {
    const root = path.dirname(require.resolve("onnxruntime-node/package.json"));
    const dir = path.join(root, "bin", "napi-v6", process.platform, process.arch);
    return fs.existsSync(path.join(dir, "libonnxruntime_providers_cuda.so"));
  } catch {
    return false;
  }
}

/** Folds a 64-bit seed into the 32 bits mulberry32 takes (xor of the halves). */
function seed32(seed: bigint): number {
  const u = BigInt.asUintN(64, seed);
  return Number((u ^ (u >> 32n)) & 0xffffffffn);
}

async function tensorToPng(tensor: Tensor, output: OnnxAdapterConfig["output"]): Promise<Buffer> {
  const dims = tensor.dims.length === 4 ? tensor.dims.slice(1) : tensor.dims;
  if (dims.length !== 3 || (tensor.dims.length === 4 && tensor.dims[0] !== 1))
    throw new GenerationError(`the output has shape [${tensor.dims.join(", ")}]; expected one image`, false);
  const [c, h, w] = output.layout === "NCHW" ? dims : [dims[2]!, dims[0]!, dims[1]!];
  if (![1, 3, 4].includes(c!) || h! > 8192 || w! > 8192)
    throw new GenerationError(`the output has shape [${tensor.dims.join(", ")}], not an image`, false);
  const data = tensor.data;
  if (!(data instanceof Float32Array || data instanceof Uint8Array))
    throw new GenerationError(`the output is ${tensor.type}; expected float32 or uint8`, false);
  const [scale, offset] = output.range === "-1..1" ? [127.5, 1] : output.range === "0..1" ? [255, 0] : [1, 0];
  const pixels = Buffer.alloc(h! * w! * c!);
  for (let y = 0; y < h!; y++)
    for (let x = 0; x < w!; x++)
      for (let k = 0; k < c!; k++) {
        const source = output.layout === "NCHW" ? (k * h! + y) * w! + x : (y * w! + x) * c! + k;
        const v = (Number(data[source]) + offset) * scale;
        pixels[(y * w! + x) * c! + k] = Number.isFinite(v) ? Math.max(0, Math.min(255, Math.round(v))) : 0;
      }
  return sharp(pixels, { raw: { width: w!, height: h!, channels: c as 1 | 3 | 4 } })
    .png()
    .toBuffer();
}
