import { z } from "zod";
import { sceneCuts, shotsOf } from "../video/scene-cuts";
import { asVideo, MAX_ANALYSED_SECONDS } from "../video/video-probe";
import type { Stage } from "./stage";

const config = z.object({
  /** ffmpeg's scene score above which frames start a new shot (0–1; ffmpeg's docs suggest 0.3–0.4). */
  cutThreshold: z.number().gt(0).lt(1).default(0.3),
  /** Most cuts kept (null: any; 0 keeps single-shot videos only). */
  maxCuts: z.number().int().min(0).nullable().default(null),
  /** The longest shot must last at least this long, in seconds (0: any). */
  minLongestShotSeconds: z.number().min(0).default(0),
});

/** "0.000-1.900 2.000-8.900": the shots, as the clip extraction reads them back. */
export const formatShots = (shots: { start: number; end: number }[]) =>
  shots.map((s) => `${s.start.toFixed(3)}-${s.end.toFixed(3)}`).join(" ");

export function parseShots(text: string | undefined): { start: number; end: number }[] {
  if (!text) return [];
  return text.split(" ").flatMap((part) => {
    const [start, end] = part.split("-").map(Number);
    return Number.isFinite(start) && Number.isFinite(end) ? [{ start: start!, end: end! }] : [];
  });
}

/**
 * Scene-cut detection: ffmpeg's scene score on the analysis frames (video/scene-cuts.ts). Records
 * the shots, which the clip extraction cuts into training clips.
 */
export const scenesStage: Stage<z.infer<typeof config>> = {
  id: "scenes",
  label: "Scene cuts",
  cost: "pixels",
  scoreNames: ["cuts", "longestShotSeconds"],
  labelNames: ["shots"],
  config,
  thresholds: [
    { option: "maxCuts", score: "cuts", bound: "max" },
    { option: "minLongestShotSeconds", score: "longestShotSeconds", bound: "min" },
  ],
  async measure(probe, c) {
    const video = asVideo(probe);
    const [track, header] = await Promise.all([video.differences(), video.video()]);
    const cuts = sceneCuts(track, c.cutThreshold);
    // The analysis reads at most its first minutes; shots end where it ended.
    const shots = shotsOf(cuts, Math.min(header.durationSeconds, MAX_ANALYSED_SECONDS), track.fps);
    return {
      scores: { cuts: cuts.length, longestShotSeconds: Math.max(0, ...shots.map((s) => s.end - s.start)) },
      labels: { shots: formatShots(shots) },
    };
  },
  judge({ scores: { cuts, longestShotSeconds } }, c) {
    if (cuts === undefined || longestShotSeconds === undefined) return "scenes not measured";
    if (c.maxCuts !== null && cuts > c.maxCuts) return `${cuts} scene cuts, above ${c.maxCuts}`;
    if (longestShotSeconds < c.minLongestShotSeconds)
      return `longest shot ${longestShotSeconds.toFixed(1)} s, below ${c.minLongestShotSeconds} s`;
    return undefined;
  },
};
