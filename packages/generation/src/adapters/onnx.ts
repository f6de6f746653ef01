/**
 * `onnx`: a local ONNX pipeline in onnxruntime-node — for example a one-step generator that maps
 * a seeded noise tensor to an image. Inputs are filled from the item (seeded standard normal
 * noise, the seed, numeric parameters); the output tensor (NCHW or NHWC, in -1..1, 0..1 or
 * 0..255) becomes a PNG.
 *
 * Sessions come from the evaluators' session pool (one per file, sha256, provider and GPU per
 * process): "auto" asks for CUDA and falls back to CPU when this machine's onnxruntime-node has no
 * CUDA provider. The provider that actually ran is reported with every output.
 */
import * as ort from "onnxruntime-node";
import type { Tensor } from "onnxruntime-node";
import sharp from "sharp";
import { loadSession } from "@loupe/evaluators";
import { seededRandom, standardNormal } from "@loupe/stats";
import {
  GenerationError,
  type GeneratedMedia,
  type GenerationAdapter,
  type GenerationRequest,
} from "../adapter";
import type { OnnxAdapterConfig } from "../config";

export class OnnxAdapter implements GenerationAdapter {
  readonly kind = "onnx";
  readonly usesGpu = true;

  constructor(private readonly config: OnnxAdapterConfig) {}

  async generate(request: GenerationRequest): Promise<GeneratedMedia & { executionProvider: string }> {
    const { session, provider } = await this.session(request.cudaVisibleDevices);
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

  private async session(cudaVisibleDevices: string | undefined) {
    const { modelPath, sha256, executionProvider } = this.config;
    // The slot's first visible GPU is device 0 inside CUDA_VISIBLE_DEVICES; in process we pick the
    // slot's physical id directly, since the variable cannot change inside a running process.
    const deviceId = Number(cudaVisibleDevices?.split(",")[0] ?? 0);
    try {
      return await loadSession({ path: modelPath, sha256, executionProvider, deviceId });
    } catch (err) {
      throw new GenerationError((err as Error).message, false);
    }
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
