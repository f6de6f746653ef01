/**
 * The one error type of the video metrics: a video that cannot be read (corrupt, not a video, over
 * a limit) or that a metric cannot score (fewer than two frames). Its message is one line that
 * says why, so a worker can store it as the evaluation's error instead of a NaN.
 */
export class VideoMetricError extends Error {
  override name = "VideoMetricError";
}
