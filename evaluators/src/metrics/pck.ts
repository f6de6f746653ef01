/**
 * Percentage of correct keypoints, PCK@α, as SPair-71k reports correspondence (Min et al. 2019;
 * used by 3D Congealing): a predicted keypoint is correct when it lies within α · max(h, w) of its
 * ground truth, with (h, w) the target object's bounding box (or the image, when no box is given).
 *
 *   PCK@α = #{ i : ‖p̂_i − p_i‖ ≤ α · max(h, w) } / #{ i : p_i visible }
 *
 * Keypoints without a ground truth (not visible) are left out; a prediction outside the image is
 * simply far away (wrong), never an error.
 */
export type Point = { x: number; y: number };

export function pck(
  predicted: readonly (Point | null)[],
  truth: readonly (Point | null)[],
  opts: { alpha: number; box: { width: number; height: number } },
): number | null {
  if (predicted.length !== truth.length)
    throw new RangeError("pck: predicted and true keypoints differ in number");
  if (!(opts.alpha > 0)) throw new RangeError("pck: alpha must be positive");
  const threshold = opts.alpha * Math.max(opts.box.width, opts.box.height);
  let visible = 0;
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    if (!t) continue;
    visible++;
    const p = predicted[i];
    if (p && Math.hypot(p.x - t.x, p.y - t.y) <= threshold) correct++;
  }
  return visible === 0 ? null : correct / visible;
}
