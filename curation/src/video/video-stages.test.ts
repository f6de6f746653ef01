import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePipeline } from "../pipeline-definition";
import { decideItem, type ItemDecision } from "../pipeline";
import { openSource } from "../sources/open-source";
import { testVideoPipeline, writeTestVideoCorpus } from "../testing/videos";
import type { ExpectedDecision } from "../testing/corpus";
import { parseShots } from "../stages/scenes";

let root: string;
let expected: Record<string, ExpectedDecision>;
const decisions = new Map<string, ItemDecision>();

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "loupe-video-stages-"));
  expected = await writeTestVideoCorpus(root);
  const pipeline = parsePipeline(testVideoPipeline(root));
  for (const name of Object.keys(expected)) {
    const file = path.join(root, name);
    const { size } = await fs.stat(file);
    const d = await decideItem({ itemId: name, source: name, input: file, bytes: size }, pipeline.stages, {
      media: "video",
    });
    decisions.set(name, d);
  }
}, 120_000);
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe("the video stages", () => {
  it("give every file its expected decision", () => {
    const got = Object.fromEntries(
      [...decisions].map(([name, d]) => [name, { status: d.status, stage: d.firstFailingStage }]),
    );
    expect(got).toEqual(expected);
  });

  it("read the header with ffprobe: duration, frame rate, size, container and codec", () => {
    const d = decisions.get("v-moving.mp4")!;
    expect(d.scores["metadata.durationSeconds"]).toBeCloseTo(6, 1);
    expect(d.scores["metadata.fps"]).toBe(25);
    expect([d.scores["metadata.width"], d.scores["metadata.height"]]).toEqual([160, 120]);
    expect(d.labels).toMatchObject({ "metadata.format": "mp4", "metadata.codec": "h264" });
    expect(d.scores["duration.seconds"]).toBeCloseTo(6, 1);
    // Decoded at 10 frames per second: 60 analysis frames.
    expect(d.scores["decode.analysedFrames"]).toBe(60);
  });

  it("measures motion by frame differences: moving footage far above a still one", () => {
    const movingMotion = decisions.get("v-moving.mp4")!.scores["motion.median"]!;
    const stillMotion = decisions.get("v-still.mp4")!.scores["motion.median"]!;
    expect(stillMotion).toBeLessThan(0.1);
    expect(movingMotion).toBeGreaterThan(2);
    expect(decisions.get("v-still.mp4")!.reason).toMatch(/too little motion/);
  });

  it("finds the one cut of the two-shot video, at 3 s, and none in one-shot footage", () => {
    const two = decisions.get("v-two-shots.mp4")!;
    expect(two.scores["scenes.cuts"]).toBe(1);
    const shots = parseShots(two.labels["scenes.shots"]);
    expect(shots).toHaveLength(2);
    expect(shots[1]!.start).toBeCloseTo(3, 1);
    expect(shots[0]!.end).toBeLessThan(shots[1]!.start);
    expect(decisions.get("v-moving.mp4")!.scores["scenes.cuts"]).toBe(0);
  });

  it("judges the middle frame with the image stages, and reports unreadable files by reason", () => {
    const boxed = decisions.get("v-letterboxed.mp4")!;
    expect(boxed.scores["border.share"]).toBeCloseTo(0.4, 1);
    expect(decisions.get("w-empty.mp4")!.reason).toMatch(/empty/);
    expect(decisions.get("w-not-a-video.mp4")!.reason).toMatch(/not a readable video|no video stream/);
    expect(decisions.get("w-truncated.mp4")!.reason).toMatch(/truncated|damaged|decode/);
  });

  it("lists only video files in a video run's folder", async () => {
    const source = await openSource(parsePipeline(testVideoPipeline(root)).definition.source);
    const names: string[] = [];
    for await (const item of source) names.push(item.source);
    expect(names.sort()).toEqual(Object.keys(expected).sort());
  });

  it("refuses image-only stages in a video run, clips without scenes, and clips from images", () => {
    expect(() =>
      parsePipeline({ ...testVideoPipeline(root), stages: [{ stage: "motion" }, { stage: "nope" }] }),
    ).toThrow(/outputs\.clips: clips are cut at scene cuts.*|"nope" is not a video stage/);
    expect(() =>
      parsePipeline({ name: "x", source: { kind: "folder", root }, stages: [{ stage: "motion" }] }),
    ).toThrow(/"motion" is not an image stage/);
    expect(() =>
      parsePipeline({
        name: "x",
        source: { kind: "folder", root },
        stages: [{ stage: "blur" }],
        outputs: { clips: {} },
      }),
    ).toThrow(/set media: video/);
  });
});
