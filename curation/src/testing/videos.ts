/**
 * A small video corpus made by ffmpeg's synthetic sources, with the decision each file must get
 * under `testVideoPipeline`: moving footage, a two-shot video, a still one, a short one, a
 * letterboxed one, an empty file, a truncated file and a file that is no video at all. Shared by
 * the unit and integration tests, so both check the same expectations.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { lastStderrLine, runMediaTool } from "@loupe/evaluators";
import type { PipelineDefinitionInput } from "../pipeline-definition";
import type { ExpectedDecision } from "./corpus";

const X264 = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "10", "-movflags", "+faststart"];

async function ffmpeg(args: string[]): Promise<void> {
  const run = await runMediaTool("ffmpeg", ["-nostdin", "-v", "error", "-y", ...args], {
    timeoutMs: 60_000,
    onStdout: () => {},
  });
  if (run.code !== 0) throw new Error(`ffmpeg failed: ${lastStderrLine(run.stderr)}`);
}

const moving = (seconds: number, size = "160x120") => [
  "-f",
  "lavfi",
  "-i",
  `testsrc2=size=${size}:rate=25:duration=${seconds}`,
];

/** Writes the corpus under `root`; returns each file's expected decision, by file name. */
export async function writeTestVideoCorpus(root: string): Promise<Record<string, ExpectedDecision>> {
  await fs.mkdir(root, { recursive: true });
  const at = (name: string) => path.join(root, name);
  await ffmpeg([...moving(6), ...X264, at("v-moving.mp4")]);
  // Two shots: a moving test pattern, then the same pattern's colours inverted (a hard cut at 3 s).
  await ffmpeg([
    ...["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=3"],
    ...["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=3"],
    ...["-filter_complex", "[1:v]negate,hue=h=120[b];[0:v][b]concat=n=2:v=1[v]", "-map", "[v]"],
    ...X264,
    at("v-two-shots.mp4"),
  ]);
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "smptebars=size=160x120:rate=25:duration=4",
    ...X264,
    at("v-still.mp4"),
  ]);
  await ffmpeg([...moving(1), ...X264, at("v-short.mp4")]);
  await ffmpeg([...moving(4, "160x72"), "-vf", "pad=160:120:0:24:black", ...X264, at("v-letterboxed.mp4")]);
  const whole = await fs.readFile(at("v-moving.mp4"));
  await fs.writeFile(at("w-truncated.mp4"), whole.subarray(0, Math.floor(whole.length * 0.5)));
  await fs.writeFile(at("w-empty.mp4"), Buffer.alloc(0));
  await fs.writeFile(at("w-not-a-video.mp4"), "this is text, not a video\n");
  await fs.writeFile(at("still.png"), Buffer.from("a video run's folder lists only video files"));
  return {
    "v-moving.mp4": { status: "kept", stage: null },
    "v-two-shots.mp4": { status: "kept", stage: null },
    "v-still.mp4": { status: "dropped", stage: "motion" },
    "v-short.mp4": { status: "dropped", stage: "duration" },
    "v-letterboxed.mp4": { status: "dropped", stage: "border" },
    "w-truncated.mp4": { status: "error", stage: "decode" },
    "w-empty.mp4": { status: "error", stage: "metadata" },
    "w-not-a-video.mp4": { status: "error", stage: "metadata" },
  };
}

/** The pipeline the expectations above hold for; kept videos are cut into clips at their shots. */
export function testVideoPipeline(root: string, name = "test videos"): PipelineDefinitionInput {
  return {
    name,
    media: "video",
    source: { kind: "folder", root },
    stages: [
      { stage: "metadata" },
      { stage: "duration", minSeconds: 2 },
      { stage: "decode" },
      { stage: "motion", minMotion: 0.5 },
      { stage: "scenes" },
      { stage: "border" },
    ],
    outputs: { clips: { minSeconds: 2, maxSeconds: 4 } },
  };
}
