import { z } from "zod";
import { asVideo } from "../video/video-probe";
import type { Stage } from "./stage";

/**
 * The whole video decodes (a truncated or damaged stream fails here, with ffmpeg's reason), and
 * so does its middle frame. The decode is the analysis pass the motion and scene stages read, so
 * it costs them nothing more.
 */
export const videoDecodeStage: Stage<Record<string, never>> = {
  id: "decode",
  label: "Decodes",
  cost: "decode",
  scoreNames: ["analysedFrames", "analysedSeconds"],
  config: z.object({}).strict() as z.ZodType<Record<string, never>>,
  thresholds: [],
  async measure(probe) {
    const video = asVideo(probe);
    const track = await video.differences();
    await video.working();
    return { scores: { analysedFrames: track.frames, analysedSeconds: track.frames / track.fps } };
  },
  // Decoding is the test: a video that does not decode is an error, never measured.
  judge: () => undefined,
};
