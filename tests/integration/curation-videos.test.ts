/**
 * A video curation run end to end on a real database and worker: ffprobe metadata and duration
 * limits, the decode check, motion by frame differences, scene cuts, the image stages on the
 * middle frame, and the kept videos cut into single-shot clips — which, curated again as a
 * WebDataset source, have no cut inside and last as long as their shots.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@loupe/worker";
import { readStored, type CurationRunView } from "@loupe/api/curation";
import { handleCurationOutputDownload } from "@loupe/api/rest";
import { asyncBufferOf, decodeDecisions, parseShots, type CurationDecision } from "@loupe/curation";
import { testVideoPipeline, writeTestVideoCorpus, type ExpectedDecision } from "@loupe/curation/testing";
import { createTestApp, type TestApp } from "./support/test-app";
import { startTestWorker } from "./support/test-worker";

let app: TestApp;
let worker: RunningWorker;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let corpus: string;
let expected: Record<string, ExpectedDecision>;
let run: CurationRunView;
const projectSlug = "video-curation";

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("owner-video-curation@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Video curation", slug: projectSlug });
  corpus = path.join(app.dataDir, "corpora", "videos");
  expected = await writeTestVideoCorpus(corpus);
  worker = await startTestWorker(app);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

async function waitForRun(runId: string) {
  const t0 = Date.now();
  for (;;) {
    const r = await owner.client.curation.get.query({ projectSlug, runId });
    if (r.status === "done") return r;
    if (r.status === "failed") throw new Error(`the run failed: ${r.error}`);
    if (Date.now() - t0 > 90_000) throw new Error(`run still ${r.status}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function decisionsOf(sha256: string): Promise<CurationDecision[]> {
  return decodeDecisions(asyncBufferOf(await readStored(app.runtime.storage, sha256)));
}

async function download(runId: string, file: string): Promise<Response> {
  return handleCurationOutputDownload(
    app.runtime,
    new Request(`http://localhost/api/curation/${projectSlug}/${runId}/${file}`, {
      headers: { cookie: owner.cookie },
    }),
    projectSlug,
    runId,
    file,
  );
}

describe("a video curation run", () => {
  it("decides every video once, by ffprobe metadata, duration, decoding, motion, scenes and borders", async () => {
    const created = await owner.client.curation.create.mutate({
      projectSlug,
      definition: testVideoPipeline(corpus),
    });
    run = await waitForRun(created.id);
    expect(run.funnel.map((s) => [s.stage, s.dropped, s.errors, s.remaining])).toEqual([
      ["metadata", 0, 2, 6],
      ["duration", 1, 0, 5],
      ["decode", 0, 1, 4],
      ["motion", 1, 0, 3],
      ["scenes", 0, 0, 3],
      ["border", 1, 0, 2],
    ]);
    const kept = await decisionsOf(run.outputs!.kept.sha256);
    const dropped = await decisionsOf(run.outputs!.dropped.sha256);
    const got = Object.fromEntries(
      [...kept, ...dropped].map((d) => [d.source, { status: d.status, stage: d.firstFailingStage }]),
    );
    expect(got).toEqual(expected);
    const twoShots = kept.find((d) => d.source === "v-two-shots.mp4")!;
    expect(twoShots.scores["scenes.cuts"]).toBe(1);
    expect(twoShots.scores["metadata.durationSeconds"]).toBeCloseTo(6, 1);
    expect(dropped.find((d) => d.source === "w-truncated.mp4")!.reason).toMatch(/truncated|damaged/);
    // The galleries show each video's middle frame.
    expect(run.summary!.samples.kept.every((s) => s.thumbnailUrl?.startsWith("/media/"))).toBe(true);
    const motion = run.summary!.histograms.find((h) => h.column === "motion.median")!;
    expect(motion.n).toBe(5);
  });

  it("projects the funnel under other motion and duration limits, without decoding again", async () => {
    const projected = await owner.client.curation.projectFunnel.query({
      projectSlug,
      runId: run.id,
      changes: { motion: { minMotion: 0 }, duration: { minSeconds: 0.5 } },
    });
    // The still and the short video now pass; nothing is read again, the recorded scores decide.
    expect(projected.funnel.map((s) => [s.stage, s.dropped, s.remaining])).toEqual([
      ["metadata", 0, 6],
      ["duration", 0, 6],
      ["decode", 0, 5],
      ["motion", 0, 5],
      ["scenes", 0, 5],
      ["border", 1, 4],
    ]);
  });

  it("cuts the kept videos into clips at their shots, as WebDataset shards", async () => {
    const kept = await decisionsOf(run.outputs!.kept.sha256);
    // v-moving: one 6 s shot → 0–4 and 4–6; v-two-shots: shots 0–2.9 and 3–6 → one clip each.
    const shots = kept.flatMap((d) => parseShots(d.labels["scenes.shots"]));
    expect(shots.map((s) => [s.start, s.end])).toEqual(
      expect.arrayContaining([
        [0, 6],
        [0, 2.9],
        [3, 6],
      ]),
    );
    expect(run.summary!.clips).toEqual({ count: 4, seconds: expect.closeTo(11.9, 6) });
    expect(run.outputs!.clips!.map((s) => [s.fileName, s.rows])).toEqual([["clips-00000.tar", 4]]);
    const response = await download(run.id, "clips-00000");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("clips-00000.tar");
    const dir = path.join(app.dataDir, "corpora", "clips");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "clips-00000.tar"), Buffer.from(await response.arrayBuffer()));
    expect((await download(run.id, "clips-00009")).status).toBe(404);
  });

  it("gives clips that, curated again, have no cut inside and last as long as their shots", async () => {
    const created = await owner.client.curation.create.mutate({
      projectSlug,
      definition: {
        name: "the clips again",
        media: "video",
        source: {
          kind: "webdataset",
          shards: ["clips-00000.tar"],
          root: path.join(app.dataDir, "corpora", "clips"),
        },
        stages: [{ stage: "metadata" }, { stage: "decode" }, { stage: "scenes", maxCuts: 0 }],
      },
    });
    const again = await waitForRun(created.id);
    const clips = await decisionsOf(again.outputs!.kept.sha256);
    expect(again.summary!.kept).toBe(4);
    const lengths = clips
      .map((d) => {
        const m = d.metadata as { source: string; start_seconds: number; end_seconds: number };
        return {
          source: m.source,
          expected: m.end_seconds - m.start_seconds,
          got: d.scores["metadata.durationSeconds"]!,
        };
      })
      .sort((a, b) => a.source.localeCompare(b.source) || a.expected - b.expected);
    expect(lengths.map((l) => [l.source, Number(l.expected.toFixed(1))])).toEqual([
      ["v-moving.mp4", 2],
      ["v-moving.mp4", 4],
      ["v-two-shots.mp4", 2.9],
      ["v-two-shots.mp4", 3],
    ]);
    for (const l of lengths) expect(Math.abs(l.got - l.expected)).toBeLessThan(0.1);
  });

  it("refuses image stages that do not exist for video, and clips without a scenes stage", async () => {
    await expect(
      owner.client.curation.create.mutate({
        projectSlug,
        definition: { ...testVideoPipeline(corpus), stages: [{ stage: "metadata" }, { stage: "nope" }] },
      }),
    ).rejects.toThrow(/"nope" is not a video stage.*outputs\.clips: clips are cut at scene cuts/);
  });
});
