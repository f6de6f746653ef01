/**
 * Limits on untrusted media, with defaults far above any generated sample and far below what
 * would exhaust memory or time on a small machine. Every refusal is one line saying which limit.
 */
import { MediaRejectedError } from "./errors";

/** 200 MB: the REST upload cap, and far above a generated clip. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/** 8K UHD (7680×4320): above any generated video, below what a frame decode should allocate. */
export const DEFAULT_MAX_VIDEO_PIXELS = 7680 * 4320;
/** 10 minutes: generated video and audio are seconds to minutes long. */
export const DEFAULT_MAX_DURATION_SECONDS = 600;

export type AvLimits = {
  /** Largest file accepted (images too). */
  maxBytes?: number;
  /** Largest frame (width × height) accepted for video. */
  maxPixels?: number;
  /** Longest video or audio accepted. */
  maxDurationSeconds?: number;
};

const megabytes = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Refuses an empty file or one over `maxBytes`, before anything reads it. */
export function assertByteLimit(size: number, limits: Pick<AvLimits, "maxBytes">): void {
  if (size === 0) throw new MediaRejectedError("the file is empty");
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size > maxBytes) {
    throw new MediaRejectedError(`it is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit`);
  }
}
