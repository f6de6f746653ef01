/**
 * Tiny ONNX models with known behaviour, written with Loupe's own ModelProto writer.
 * `image = Tanh(noise)` — a stand-in for a one-step generator: seeded noise in, an image in -1..1 out.
 */
import { onnxModel } from "@loupe/evaluators";

export function tanhModel(shape: number[]): Buffer {
  return Buffer.from(
    onnxModel({
      name: "one-step",
      inputs: [{ name: "noise", type: "float", shape }],
      outputs: [{ name: "image", type: "float", shape }],
      nodes: [{ op: "Tanh", inputs: ["noise"], outputs: ["image"] }],
    }),
  );
}
