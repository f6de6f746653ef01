import { z } from "zod";
import { asVideo } from "../video/video-probe";
import type { Stage } from "./stage";

const config = z
  .object({
    /** Shortest video kept, in seconds (Movie Gen keeps clips of 4 s and more). */
    minSeconds: z.number().min(0).default(0),
    /** Longest video kept, in seconds (null: no limit). */
    maxSeconds: z.number().positive().nullable().default(null),
  })
  .refine(
    (c) => c.maxSeconds === null || c.minSeconds <= c.maxSeconds,
    "minSeconds must not exceed maxSeconds",
  );

/** Duration limits, from the container's header. */
export const durationStage: Stage<z.infer<typeof config>> = {
  id: "duration",
  label: "Duration",
  cost: "header",
  scoreNames: ["seconds"],
  config,
  thresholds: [
    { option: "minSeconds", score: "seconds", bound: "min" },
    { option: "maxSeconds", score: "seconds", bound: "max" },
  ],
  async measure(probe) {
    return { scores: { seconds: (await asVideo(probe).video()).durationSeconds } };
  },
  judge({ scores: { seconds } }, c) {
    if (seconds === undefined) return "duration not measured";
    if (seconds < c.minSeconds) return `${seconds.toFixed(1)} s long, below ${c.minSeconds} s`;
    if (c.maxSeconds !== null && seconds > c.maxSeconds)
      return `${seconds.toFixed(1)} s long, above ${c.maxSeconds} s`;
    return undefined;
  },
};
