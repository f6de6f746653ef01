import { describe, expect, it } from "vitest";
import { classProbabilities } from "./class-probabilities";

const spec = (activation: "softmax" | "sigmoid" | "none") => ({ labels: ["normal", "nsfw"], activation });

describe("classProbabilities", () => {
  it("applies softmax (stable for large logits), sigmoid, or nothing", () => {
    const [a, b] = classProbabilities(Float32Array.from([0, Math.log(3)]), spec("softmax"));
    expect(a).toBeCloseTo(0.25, 6);
    expect(b).toBeCloseTo(0.75, 6);
    expect(classProbabilities(Float32Array.from([1000, 1000]), spec("softmax"))).toEqual([0.5, 0.5]);
    expect(classProbabilities(Float32Array.from([0, 2]), spec("sigmoid"))[1]).toBeCloseTo(
      1 / (1 + Math.exp(-2)),
      6,
    );
    expect(classProbabilities(Float32Array.from([0.5, 0.25]), spec("none"))).toEqual([0.5, 0.25]);
  });

  it("refuses outputs that do not match the labels", () => {
    expect(() => classProbabilities(Float32Array.from([1, 2, 3]), spec("softmax"))).toThrow(
      /3 outputs for its 2 labels/,
    );
  });
});
