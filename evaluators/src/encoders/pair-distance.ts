/**
 * LPIPS (Zhang et al. 2018, "The Unreasonable Effectiveness of Deep Features as a Perceptual
 * Metric") from a registered ONNX export of the `lpips` package's network: both images as
 * [1, 3, H, W] RGB scaled to −1…1 (`lpips.im2tensor`: x/127.5 − 1), at their own size, which must
 * be the same — the network's spatial average then gives one distance. Lower is more similar.
 */
import * as ort from "onnxruntime-node";
import type { RgbImage } from "../preprocess/decode";
import { EncoderError, splitRows } from "./image-encoder";

function toTensor(image: RgbImage): ort.Tensor {
  const { width, height, data } = image;
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) out[c * plane + i] = data[i * 3 + c]! / 127.5 - 1;
  }
  return new ort.Tensor("float32", out, [1, 3, height, width]);
}

export async function pairDistance(session: ort.InferenceSession, a: RgbImage, b: RgbImage): Promise<number> {
  if (a.width !== b.width || a.height !== b.height) {
    throw new EncoderError(`the images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  }
  if (session.inputNames.length !== 2) throw new EncoderError("an LPIPS model takes two images");
  const [first, second] = session.inputNames;
  const output = await session.run({ [first!]: toTensor(a), [second!]: toTensor(b) });
  const row = splitRows(output[session.outputNames[0]!], 1)[0]!;
  if (row.length !== 1)
    throw new EncoderError(`the LPIPS model gave ${row.length} numbers, not one distance`);
  return row[0]!;
}
