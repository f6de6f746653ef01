import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { onnxModel } from "../onnx/model-proto";
import { EncoderError, ImageEncoder } from "./image-encoder";

/** y = log(x): an input of 0 gives -∞, so one image of a batch has a non-finite embedding. */
const logModel = onnxModel({
  name: "log",
  inputs: [{ name: "x", type: "float", shape: ["batch", 2] }],
  outputs: [{ name: "y", type: "float", shape: ["batch", 2] }],
  nodes: [{ op: "Log", inputs: ["x"], outputs: ["y"] }],
});

describe("ImageEncoder", () => {
  it("gives a non-finite row to its own image only, and an unpreparable image its own error", async () => {
    const session = await ort.InferenceSession.create(logModel);
    // The "image" bytes are the two values themselves; byte 9 cannot be prepared.
    const encoder = new ImageEncoder(
      session,
      async (bytes) => {
        if (bytes[0] === 9) throw new Error("cannot decode");
        return { data: Float32Array.from(bytes, (b) => b), shape: [2] };
      },
      8,
    );
    const rows = await encoder.encode([
      Uint8Array.of(1, 1),
      Uint8Array.of(0, 1),
      Uint8Array.of(9, 9),
      Uint8Array.of(1, 2),
    ]);
    expect(rows[0]).toEqual(Float32Array.of(0, 0));
    expect(rows[1]).toBeInstanceOf(EncoderError);
    expect((rows[1] as Error).message).toBe("the model's output is not finite (NaN or ∞)");
    expect((rows[2] as Error).message).toBe("cannot decode");
    expect((rows[3] as Float32Array)[1]).toBeCloseTo(Math.log(2), 6);
  });
});
