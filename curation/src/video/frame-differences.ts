/**
 * A video's motion, as its analysis pass records it: the mean absolute difference of each pair of
 * consecutive frames (luma, 0–255), at a fixed analysis rate and size. Motion and scene cuts are
 * both read from this one series, so a video is decoded once for both, and the series holds one
 * number per frame whatever the frame size (memory does not grow with resolution).
 */
export type FrameDifferences = {
  /** Frames per second of the analysis (the video's own rate when lower than the analysis rate). */
  fps: number;
  /** Frames decoded. `differences` has one fewer. */
  frames: number;
  /** differences[i]: mean |frame i+1 − frame i| over the pixels, in luma levels (0–255). */
  differences: number[];
};

/** The mean absolute difference of two equal-sized 8-bit frames. */
export function meanAbsoluteDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length)
    throw new RangeError(`frames differ in size (${a.length} and ${b.length} bytes)`);
  if (a.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Folds frames, as they are decoded, into their difference series (only the last frame is kept). */
export class FrameDifferenceRecorder {
  readonly differences: number[] = [];
  private previous: Uint8Array | null = null;
  frames = 0;

  add(frame: Uint8Array): void {
    if (this.previous) this.differences.push(meanAbsoluteDifference(this.previous, frame));
    this.previous = frame;
    this.frames++;
  }

  result(fps: number): FrameDifferences {
    return { fps, frames: this.frames, differences: this.differences };
  }
}
