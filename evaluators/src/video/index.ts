/**
 * Video metrics: frame extraction with ffmpeg, and VBench's temporal dimensions (temporal
 * flickering on pixels; subject and background consistency on per-frame embeddings).
 */
export { VideoMetricError } from "./errors";
export {
  readFrames,
  DEFAULT_MAX_DECODED_BYTES,
  type ReadFramesOptions,
  type VideoFrames,
} from "./read-frames";
export { temporalFlickering } from "./temporal-flickering";
export { probeVideoStream, type VideoStreamInfo } from "./probe-video-stream";
export { lastStderrLine, runMediaTool, toolInput, type MediaTool, type ToolRun } from "./media-tool";
export {
  backgroundConsistency,
  meanCosineToPreviousAndFirstFrame,
  subjectConsistency,
} from "./embedding-consistency";
