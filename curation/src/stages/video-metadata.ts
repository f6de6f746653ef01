import { z } from "zod";
import { asVideo } from "../video/video-probe";
import type { Stage } from "./stage";

const config = z.object({
  /** Accepted containers (mp4, webm, mkv, avi, …); empty: any. */
  formats: z.array(z.string().min(1)).default([]),
  /** Accepted codecs as ffprobe names them (h264, hevc, vp9, av1, …); empty: any. */
  codecs: z.array(z.string().min(1)).default([]),
  /** Largest file accepted, in bytes (null: no limit). */
  maxBytes: z.number().int().positive().nullable().default(null),
  /** Lowest frame rate accepted (0: any; a file that does not say its rate fails a positive minimum). */
  minFps: z.number().min(0).default(0),
});

/** A video's container, codec, size, frame rate and duration, from ffprobe — no decoding. */
export const videoMetadataStage: Stage<z.infer<typeof config>> = {
  id: "metadata",
  label: "Metadata",
  cost: "header",
  scoreNames: ["width", "height", "aspect", "bytes", "durationSeconds", "fps"],
  labelNames: ["format", "codec"],
  config,
  thresholds: [
    { option: "maxBytes", score: "bytes", bound: "max" },
    { option: "minFps", score: "fps", bound: "min" },
  ],
  async measure(probe) {
    const v = await asVideo(probe).video();
    return {
      scores: {
        width: v.width,
        height: v.height,
        aspect: v.width / v.height,
        bytes: v.bytes,
        durationSeconds: v.durationSeconds,
        // An unknown rate is left unrecorded (scores are finite numbers).
        ...(v.fps === null ? {} : { fps: v.fps }),
      },
      labels: { format: v.format, codec: v.codec },
    };
  },
  judge({ scores: { bytes, fps }, labels: { format, codec } }, c) {
    if (bytes === undefined || format === undefined || codec === undefined) return "metadata not measured";
    if (c.formats.length > 0 && !c.formats.includes(format))
      return `container ${format} is not one of ${c.formats.join(", ")}`;
    if (c.codecs.length > 0 && !c.codecs.includes(codec))
      return `codec ${codec} is not one of ${c.codecs.join(", ")}`;
    if (c.maxBytes !== null && bytes > c.maxBytes) return `${bytes} bytes, above ${c.maxBytes}`;
    if (c.minFps > 0 && fps === undefined) return "the frame rate is unknown";
    if (fps !== undefined && fps < c.minFps) return `${fps.toFixed(2)} fps, below ${c.minFps}`;
    return undefined;
  },
};
