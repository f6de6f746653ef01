import { describe, expect, it } from "vitest";
import { VideoMetricError } from "./errors";
import { FrameCollector } from "./frame-collector";

describe("FrameCollector", () => {
  it("cuts a byte stream into frames whatever the chunk boundaries", () => {
    const c = new FrameCollector(6, 1024);
    c.push(Uint8Array.from([0, 1, 2, 3]));
    c.push(Uint8Array.from([4, 5, 10, 11, 12]));
    c.push(Uint8Array.from([13, 14, 15]));
    expect(c.frames.map((f) => [...f])).toEqual([
      [0, 1, 2, 3, 4, 5],
      [10, 11, 12, 13, 14, 15],
    ]);
    expect(c.leftoverBytes).toBe(0);
    c.push(Uint8Array.from([20]));
    expect(c.leftoverBytes).toBe(1);
    expect(c.frames).toHaveLength(2);
  });

  it("stops with a clear error when the next frame would go over the byte budget", () => {
    const c = new FrameCollector(6, 12);
    c.push(new Uint8Array(12));
    expect(c.frames).toHaveLength(2);
    expect(() => c.push(new Uint8Array(1))).toThrow(VideoMetricError);
    expect(() => c.push(new Uint8Array(1))).toThrow(/more than .* MB.*maxFrames/);
  });
});
