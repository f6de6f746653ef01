/**
 * One item as the stages see it, whatever its medium: the header (format, size) and the grayscale
 * working image the pixel stages share, and the encoded image the model stages read. For a video
 * these are its ffprobe header and its middle frame (video/video-probe.ts); the video stages read
 * more of it through `VideoProbe`.
 */
import type { GrayImage } from "./image/gray-image";
import type { ImageHeader } from "./image/image-probe";

export type MediaKind = "image" | "video";
export const MEDIA_KINDS = ["image", "video"] as const satisfies readonly MediaKind[];

export interface MediaProbe {
  readonly kind: MediaKind;
  header(): Promise<ImageHeader>;
  /** The grayscale working image (a video's middle frame), decoded once. */
  working(): Promise<GrayImage>;
  /** The working image reduced by area averaging (the perceptual hashes). */
  reduced(width: number, height: number): Promise<GrayImage>;
  /** An encoded image for the model stages (a video's middle frame, as PNG). */
  encoded(): Promise<Buffer>;
  /** Frees what the probe holds (a video's temporary file). */
  close(): Promise<void>;
}

/** The item cannot be read as its medium: an item-level error, with this message as the reason. */
export class MediaProbeError extends Error {
  override name = "MediaProbeError";
}
