import type { FrameDifferences } from "./frame-differences";

/**
 * ffmpeg's scene-change score (libavfilter/vf_select.c, `get_scene_score`), from the frame
 * differences: with mafd the mean absolute frame difference as a percentage of the full range,
 *
 *   mafd_i  = 100 · difference_i / 256
 *   score_i = clip(min(mafd_i, |mafd_i − mafd_{i−1}|) / 100, 0, 1),   mafd_{−1} = 0
 *
 * so steady motion (a large but even difference) scores low and a sudden jump scores high. ffmpeg
 * sums over every plane of the full frame; here it is luma at the analysis size, which a cut
 * changes just as much. score_i belongs to frame i + 1 (the first frame after the change).
 */
export function sceneScores({ differences }: Pick<FrameDifferences, "differences">): number[] {
  let previousMafd = 0;
  return differences.map((difference) => {
    const mafd = (100 * difference) / 256;
    const score = Math.min(1, Math.max(0, Math.min(mafd, Math.abs(mafd - previousMafd)) / 100));
    previousMafd = mafd;
    return score;
  });
}

/** Seconds from the start of the first frame of each new shot (where the score passes `threshold`). */
export function sceneCuts(track: FrameDifferences, threshold: number): number[] {
  return sceneScores(track).flatMap((score, i) => (score > threshold ? [(i + 1) / track.fps] : []));
}

export type Interval = { start: number; end: number };

/**
 * The shots between cuts, over `duration` seconds. A cut at t was seen between the analysis
 * frames at t − 1/fps and t, so the shot before it ends at t − 1/fps and the next starts at t:
 * no frame of one shot reaches into the other, whatever happened between the two samples.
 */
export function shotsOf(cuts: readonly number[], duration: number, fps: number): Interval[] {
  const shots: Interval[] = [];
  let start = 0;
  for (const cut of cuts) {
    const end = Math.max(start, cut - 1 / fps);
    if (end > start) shots.push({ start, end });
    start = cut;
  }
  if (duration > start) shots.push({ start, end: duration });
  return shots;
}

/**
 * Clips to extract from the shots, as Movie Gen makes its training clips (§3.1.1: single-shot
 * clips of 4–16 s): each shot is cut into consecutive clips of `maxSeconds`, and a remainder (or
 * a whole shot) shorter than `minSeconds` is left out.
 */
export function clipsOf(
  shots: readonly Interval[],
  opts: { minSeconds: number; maxSeconds: number },
): Interval[] {
  const clips: Interval[] = [];
  // Sub-millisecond leftovers are rounding, not footage.
  const EPS = 1e-6;
  for (const shot of shots) {
    for (let start = shot.start; shot.end - start >= opts.minSeconds - EPS; start += opts.maxSeconds) {
      clips.push({ start, end: Math.min(shot.end, start + opts.maxSeconds) });
    }
  }
  return clips;
}
