import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { onnxModel } from "./model-proto";

describe("onnxModel", () => {
  it("writes a model ONNX Runtime loads and runs, with attributes, initializers and symbolic sizes", async () => {
    // y = Softmax(x · W + b) over the last axis, W and b as initializers; "batch" is symbolic.
    const model = onnxModel({
      name: "linear-softmax",
      inputs: [{ name: "x", type: "float", shape: ["batch", 2] }],
      outputs: [{ name: "y", type: "float", shape: ["batch", 3] }],
      nodes: [
        { op: "MatMul", inputs: ["x", "w"], outputs: ["xw"] },
        { op: "Add", inputs: ["xw", "b"], outputs: ["logits"] },
        { op: "Softmax", inputs: ["logits"], outputs: ["y"], attributes: { axis: -1 } },
      ],
      initializers: [
        { name: "w", dims: [2, 3], data: Float32Array.of(1, 0, 0, 0, 1, 0) },
        { name: "b", dims: [3], data: Float32Array.of(0, 0, Math.log(2)) },
      ],
    });
    const session = await ort.InferenceSession.create(model);
    expect(session.inputNames).toEqual(["x"]);
    const out = await session.run({
      x: new ort.Tensor("float32", Float32Array.of(0, 0, Math.log(3), 0), [2, 2]),
    });
    const y = Array.from(out.y!.data as Float32Array);
    // Row 1: logits (0, 0, ln 2) → (1, 1, 2)/4. Row 2: (ln 3, 0, ln 2) → (3, 1, 2)/6.
    [0.25, 0.25, 0.5, 0.5, 1 / 6, 1 / 3].forEach((value, i) => expect(y[i]).toBeCloseTo(value, 6));
    expect(out.y!.dims).toEqual([2, 3]);
  });
});
