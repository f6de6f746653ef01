import { describe, expect, it } from "vitest";
import { VideoMetricError } from "./errors";
import { temporalFlickering } from "./temporal-flickering";

/** A frame of `n` bytes, all `value`. */
const flat = (n: number, value: number) => new Uint8Array(n).fill(value);

describe("temporalFlickering (VBench vbench/temporal_flickering.py cal_score)", () => {
  it("matches a hand-computed value on three 2-pixel RGB frames", () => {
    const f0 = Uint8Array.from([0, 0, 0, 10, 20, 30]);
    const f1 = Uint8Array.from([5, 0, 0, 10, 20, 40]);
    const f2 = Uint8Array.from([0, 255, 0, 10, 20, 40]);
    // |f1 − f0| = 5, 0, 0, 0, 0, 10   → MAE 15/6  = 2.5
    // |f2 − f1| = 5, 255, 0, 0, 0, 0  → MAE 260/6 = 43.333…   (5 → 0 is 5, not a uint8 wrap to 251)
    // mean MAE = (15/6 + 260/6) / 2 = 275/12;  score = (255 − 275/12) / 255 = 2785/3060 = 0.91013…
    expect(temporalFlickering([f0, f1, f2])).toBeCloseTo(2785 / 3060, 14);
  });

  it("compares consecutive frames, not each frame with the first", () => {
    // [black, white, white]: consecutive MAEs 255 and 0 → mean 127.5 → score 0.5
    // (against the first frame it would be 255 and 255 → score 0).
    expect(temporalFlickering([flat(12, 0), flat(12, 255), flat(12, 255)])).toBe(0.5);
  });

  it("is exactly 1 for identical frames and 0 for frames alternating between black and white", () => {
    const frame = Uint8Array.from([1, 2, 3, 250, 251, 252]);
    expect(temporalFlickering([frame, frame.slice(), frame.slice(), frame.slice()])).toBe(1);
    expect(temporalFlickering([flat(6, 0), flat(6, 255), flat(6, 0)])).toBe(0);
  });

  it("refuses a video of one frame (VBench would return NaN) or none", () => {
    expect(() => temporalFlickering([flat(6, 7)])).toThrow(VideoMetricError);
    expect(() => temporalFlickering([flat(6, 7)])).toThrow(/needs at least 2 frames \(got 1\)/);
    expect(() => temporalFlickering([])).toThrow(/needs at least 2 frames \(got 0\)/);
  });

  it("refuses frames of different sizes", () => {
    expect(() => temporalFlickering([flat(6, 0), flat(6, 0), flat(9, 0)])).toThrow(/differ in size/);
  });
});
