import { describe, expect, it } from "vitest";
import { EmbeddingError } from "../metrics/embedding-scores";
import {
  backgroundConsistency,
  meanCosineToPreviousAndFirstFrame,
  subjectConsistency,
} from "./embedding-consistency";
import { VideoMetricError } from "./errors";

const f32 = (...v: number[]) => Float32Array.from(v);

describe("meanCosineToPreviousAndFirstFrame (VBench subject/background consistency)", () => {
  it("averages the cosine to the previous and to the first frame over frames i ≥ 1", () => {
    // f0 = (1, 0), f1 = (0.6, 0.8), f2 = (0, 2) (not unit length: only directions count).
    // i = 1: cos(f1, f0) = 0.6 and cos(f1, f0) = 0.6           → 0.6
    // i = 2: cos(f2, f1) = 0.8, cos(f2, f0) = 0                → 0.4
    // score = (0.6 + 0.4) / 2 = 0.5
    // (previous frame only: (0.6 + 0.8)/2 = 0.7; first frame only: (0.6 + 0)/2 = 0.3.)
    expect(meanCosineToPreviousAndFirstFrame([f32(1, 0), f32(0.6, 0.8), f32(0, 2)])).toBeCloseTo(0.5, 7);
  });

  it("clamps negative cosines at 0, term by term (VBench's max(0.0, …))", () => {
    // f0 = (1, 0), f1 = (0.6, 0.8), f2 = (−0.6, 0.8)
    // i = 1: 0.6
    // i = 2: cos(f2, f1) = −0.36 + 0.64 = 0.28, cos(f2, f0) = −0.6 → 0  → (0.28 + 0) / 2 = 0.14
    // score = (0.6 + 0.14) / 2 = 0.37   (unclamped: (0.6 + (0.28 − 0.6)/2) / 2 = 0.22)
    expect(meanCosineToPreviousAndFirstFrame([f32(1, 0), f32(0.6, 0.8), f32(-0.6, 0.8)])).toBeCloseTo(
      0.37,
      7,
    );
    // Opposite directions: both cosines −1 → 0 (unclamped: −1).
    expect(meanCosineToPreviousAndFirstFrame([f32(1, 0), f32(-1, 0)])).toBe(0);
  });

  it("does not depend on the embeddings' lengths, and is 1 for a constant embedding", () => {
    const a = [f32(1, 2, 3), f32(2, 1, 3), f32(3, 3, 1)];
    const scaled = [f32(10, 20, 30), f32(0.2, 0.1, 0.3), f32(6, 6, 2)];
    expect(meanCosineToPreviousAndFirstFrame(scaled)).toBeCloseTo(meanCosineToPreviousAndFirstFrame(a), 6);
    expect(meanCosineToPreviousAndFirstFrame([f32(1, 2, 3), f32(1, 2, 3), f32(2, 4, 6)])).toBeCloseTo(1, 6);
  });

  it("is what subjectConsistency (DINO) and backgroundConsistency (CLIP) compute", () => {
    const frames = [f32(1, 0), f32(0.6, 0.8), f32(-0.6, 0.8)];
    expect(subjectConsistency(frames)).toBe(meanCosineToPreviousAndFirstFrame(frames));
    expect(backgroundConsistency(frames)).toBe(meanCosineToPreviousAndFirstFrame(frames));
  });

  it("refuses fewer than 2 frames with a clear error, never NaN", () => {
    expect(() => subjectConsistency([f32(1, 0)])).toThrow(VideoMetricError);
    expect(() => subjectConsistency([f32(1, 0)])).toThrow(/needs at least 2 frames \(got 1\)/);
    expect(() => backgroundConsistency([])).toThrow(/needs at least 2 frames \(got 0\)/);
  });

  it("refuses an all-zero, non-finite or mismatched embedding", () => {
    expect(() => subjectConsistency([f32(1, 0), f32(0, 0)])).toThrow(EmbeddingError);
    expect(() => subjectConsistency([f32(1, 0), f32(Number.NaN, 1)])).toThrow(/not finite/);
    expect(() => subjectConsistency([f32(1, 0), f32(1, 0, 0)])).toThrow(/differ in size/);
  });
});
