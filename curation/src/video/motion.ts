import type { FrameDifferences } from "./frame-differences";

export type Motion = {
  /** The median frame difference, in luma levels per analysis frame: robust to a few cuts. */
  median: number;
  /** The mean frame difference (cuts and flashes pull it up). */
  mean: number;
};

/**
 * Motion from frame differences. Movie Gen (Polyak et al. 2024, §3.1.1) drops videos with too
 * little motion by a motion score; the issue asks for frame differences, the classic measure,
 * taken here at a fixed analysis rate so that scores compare across videos of any frame rate.
 * The median is the one thresholded: a still shot with one cut keeps a median of ~0.
 */
export function motionOf({ differences }: Pick<FrameDifferences, "differences">): Motion {
  if (differences.length === 0) return { median: 0, mean: 0 };
  const sorted = [...differences].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
  return { median, mean };
}
