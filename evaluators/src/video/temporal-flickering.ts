/**
 * Temporal flickering, the VBench dimension "temporal_flickering" (Huang et al. 2024, "VBench:
 * Comprehensive Benchmark Suite for Video Generative Models"), as Vchitect/VBench computes it in
 * vbench/temporal_flickering.py:
 *
 *   `get_frames`     every frame cv2.VideoCapture decodes, in order: no sampling, no resizing,
 *                    no grayscale (3 colour channels, BGR there, RGB here: the MAE is the same)
 *   `calculate_mae`  MAE(a, b) = np.mean(cv2.absdiff(float32 a, float32 b)), the mean absolute
 *                    difference over all pixels and channels, on the 0…255 scale
 *   `mae_seq`        MAE of each consecutive pair (frame i, frame i + 1), i = 0 … n − 2
 *   `cal_score`      score = (255 − mean of those MAEs) / 255
 *
 * so 1 is a perfectly still video and 0 one whose every value jumps between 0 and 255 on each
 * frame. VBench scores this dimension on videos of static scenes only (its static-scene prompts,
 * filtered by optical flow in vbench/cli/static_filter.py), so that the difference between frames
 * is flicker rather than motion; choosing such videos is the caller's part.
 *
 * Numerics: VBench sums in float32; here each pair's sum of absolute differences is an exact
 * integer and the means are float64, so results agree with VBench's to float32 rounding (~1e-7).
 *
 * One frame: VBench takes np.mean of an empty array, a NaN with a RuntimeWarning; here it is a
 * `VideoMetricError`, because no NaN may reach a result.
 */
import { VideoMetricError } from "./errors";

/** VBench's `calculate_mae`: the mean absolute difference of two frames over every byte. */
function meanAbsoluteDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/**
 * The temporal flickering score in [0, 1] of a video's frames (equal-sized 8-bit frames, e.g. the
 * RGB24 frames of `readFrames`). Needs at least 2 frames.
 */
export function temporalFlickering(frames: readonly Uint8Array[]): number {
  if (frames.length < 2)
    throw new VideoMetricError(
      `temporal flickering needs at least 2 frames (got ${frames.length}): it compares consecutive frames`,
    );
  const size = frames[0]!.length;
  if (size === 0) throw new VideoMetricError("the frames are empty");
  let total = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    const a = frames[i]!;
    const b = frames[i + 1]!;
    if (a.length !== size || b.length !== size)
      throw new VideoMetricError(
        `the frames differ in size: frame 0 has ${size} bytes, frame ${i + 1} has ${b.length}`,
      );
    total += meanAbsoluteDifference(a, b);
  }
  const meanMae = total / (frames.length - 1);
  return (255 - meanMae) / 255;
}
