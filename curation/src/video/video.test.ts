import { describe, expect, it } from "vitest";
import { FrameDifferenceRecorder, meanAbsoluteDifference } from "./frame-differences";
import { motionOf } from "./motion";
import { clipsOf, sceneCuts, sceneScores, shotsOf } from "./scene-cuts";

const frame = (values: number[]) => Uint8Array.from(values);

describe("frame differences", () => {
  it("records the mean absolute difference of each consecutive pair, keeping only the last frame", () => {
    const recorder = new FrameDifferenceRecorder();
    for (const f of [frame([0, 0, 0, 0]), frame([4, 0, 0, 0]), frame([4, 8, 8, 4])]) recorder.add(f);
    expect(recorder.result(10)).toEqual({ fps: 10, frames: 3, differences: [1, 5] });
    expect(() => meanAbsoluteDifference(frame([1]), frame([1, 2]))).toThrow(/differ in size/);
  });
});

describe("motionOf", () => {
  it("takes the median (robust to a cut) and the mean", () => {
    expect(motionOf({ differences: [0, 0, 90, 0, 1] })).toEqual({ median: 0, mean: 91 / 5 });
    expect(motionOf({ differences: [2, 4] }).median).toBe(3);
    expect(motionOf({ differences: [] })).toEqual({ median: 0, mean: 0 });
  });
});

describe("scene cuts", () => {
  it("scores as ffmpeg's select filter: min(mafd, |mafd − previous mafd|) / 100", () => {
    // 25.6 levels is mafd 10; 128 levels is mafd 50; steady 25.6 after that differs by 0.
    const scores = sceneScores({ differences: [25.6, 25.6, 128, 25.6] });
    expect(scores[0]).toBeCloseTo(0.1, 12);
    expect(scores[1]).toBeCloseTo(0, 12);
    expect(scores[2]).toBeCloseTo(0.4, 12);
    expect(scores[3]).toBeCloseTo(0.1, 12);
  });

  it("places a cut at the first frame of the new shot, and steady motion is not a cut", () => {
    // 10 fps; a jump between frames 19 and 20 (t = 2.0 s) in a steadily moving video.
    const differences = Array.from({ length: 39 }, (_, i) => (i === 19 ? 150 : 12));
    expect(sceneCuts({ fps: 10, frames: 40, differences }, 0.3)).toEqual([2]);
  });

  it("splits shots so that neither reaches past the cut, and cuts shots into clips", () => {
    const shots = shotsOf([2, 9], 30, 10);
    expect(shots).toEqual([
      { start: 0, end: 1.9 },
      { start: 2, end: 8.9 },
      { start: 9, end: 30 },
    ]);
    const clips = clipsOf(shots, { minSeconds: 4, maxSeconds: 16 });
    // The first shot is too short; the third gives a 16 s clip and a 5 s remainder.
    expect(clips.map((c) => [c.start, Number(c.end.toFixed(6))])).toEqual([
      [2, 8.9],
      [9, 25],
      [25, 30],
    ]);
    expect(shotsOf([], 5, 10)).toEqual([{ start: 0, end: 5 }]);
  });
});
