/**
 * PCK@α end to end: SPair-71k-style pairs and two correspondence models' predictions imported with
 * the CLI as a user runs it, then an evaluation run on a real worker scores each pair and
 * aggregates per model. Every expected value is worked out by hand below from the coordinates.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@loupe/worker";
import { createTestApp, type TestApp } from "./support/test-app";
import { startTestWorker } from "./support/test-worker";
import { killAllLoupes, runLoupeToEnd } from "./support/loupe-process";

let app: TestApp;
let worker: RunningWorker;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let env: Record<string, string>;
const projectSlug = "correspondence";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-spair-"));

const put = (rel: string, content: Buffer | string) => {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};
const image = (width: number, height: number, color: string) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
const pairAnnotation = (over: Record<string, unknown>) => ({
  src_imname: "a.png",
  category: "cat",
  src_bndbox: [0, 0, 100, 80],
  viewpoint_variation: 0,
  ...over,
});

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("owner-pck@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Correspondence", slug: projectSlug });
  env = { DATABASE_URL: app.databaseUrl, LOUPE_DATA_DIR: app.dataDir };

  put("SPair/JPEGImages/cat/a.png", await image(100, 80, "#c00"));
  put("SPair/JPEGImages/cat/b.png", await image(120, 90, "#0c0"));
  put("SPair/JPEGImages/dog/a.png", await image(100, 80, "#c00"));
  put("SPair/JPEGImages/dog/c.png", await image(200, 100, "#00c"));
  const pairs: Record<string, unknown> = {
    // Target box 100×50: at α = 0.1 a prediction within 10 px is correct.
    "0001-a-b:cat": pairAnnotation({
      trg_imname: "b.png",
      src_kps: [
        [10, 10],
        [50, 40],
        [90, 70],
      ],
      trg_kps: [
        [20, 15],
        [60, 45],
        [100, 80],
      ],
      kps_ids: ["0", "4", "9"],
      trg_bndbox: [10, 10, 110, 60],
    }),
    // Target box 200×100: within 20 px at α = 0.1.
    "0002-a-c:dog": pairAnnotation({
      category: "dog",
      trg_imname: "c.png",
      src_kps: [
        [10, 10],
        [20, 20],
      ],
      trg_kps: [
        [50, 50],
        [150, 20],
      ],
      trg_bndbox: [0, 0, 200, 100],
    }),
    "0003-a-b:cat": pairAnnotation({ trg_imname: "b.png", src_kps: [[1, 1]], trg_kps: [[130, 10]] }),
    "0004-a-nope:cat": pairAnnotation({ trg_imname: "nope.png", src_kps: [[1, 1]], trg_kps: [[1, 1]] }),
  };
  for (const [name, value] of Object.entries(pairs))
    put(`SPair/PairAnnotation/test/${name}.json`, JSON.stringify(value));
  put("SPair/PairAnnotation/test/0005-broken:cat.json", "{ not json");

  worker = await startTestWorker(app);
});
afterAll(async () => {
  killAllLoupes();
  await worker?.stop();
  await app?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function waitForRun(runId: string) {
  for (let i = 0; i < 600; i++) {
    const run = await owner.client.evaluations.get.query({ projectSlug, runId });
    if (run.status === "done" || run.status === "failed" || run.status === "cancelled") return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the evaluation did not finish");
}

describe("keypoint correspondence and PCK@α", () => {
  it("imports SPair-style pairs, naming each pair that cannot be imported and why", async () => {
    const args = ["import", "keypoints", path.join(root, "SPair"), "--project", projectSlug];
    const r = await runLoupeToEnd([...args, "--prompt-set", "spair-test"], env);
    expect(r.code).toBe(1);
    expect(r.output).toContain(
      "0003-a-b:cat: error: target keypoint 1 (130, 10) lies outside the 120×90 target image",
    );
    expect(r.output).toContain("0004-a-nope:cat: error: no image cat/nope.png");
    expect(r.output).toContain("0005-broken:cat: error: the annotation is not valid JSON");
    expect(r.output).toContain('5 pairs into "spair-test" (new): 2 imported, 0 duplicate, 3 error');

    const prompts = await app.db.prompt.findMany({
      where: { promptSet: { name: "spair-test" } },
      include: { keypointPair: true, references: { include: { asset: true } } },
      orderBy: { position: "asc" },
    });
    expect(prompts.map((p) => [p.externalId, p.text, p.tags])).toEqual([
      ["0001-a-b:cat", "cat: a.png → b.png", ["cat"]],
      ["0002-a-c:dog", "dog: a.png → c.png", ["dog"]],
    ]);
    const first = prompts[0]!;
    expect(first.keypointPair).toMatchObject({
      keypointIds: ["0", "4", "9"],
      targetKeypoints: [
        [20, 15],
        [60, 45],
        [100, 80],
      ],
      targetBox: [10, 10, 110, 60],
      targetWidth: 120,
      targetHeight: 90,
    });
    expect(first.references.map((x) => [x.role, x.asset.width, x.asset.height]).sort()).toEqual([
      ["source", 100, 80],
      ["target", 120, 90],
    ]);
    // The source image of both pairs is one stored asset.
    expect(prompts[1]!.references.find((x) => x.role === "source")!.assetId).toBe(
      first.references.find((x) => x.role === "source")!.assetId,
    );

    // Run again: what is in stays, and is reported as such.
    const again = await runLoupeToEnd([...args, "--prompt-set", "spair-test", "--category", "dog"], env);
    expect(again.output).toContain('1 pairs into "spair-test": 0 imported, 1 duplicate, 0 error');
    expect(again.code).toBe(0);
  });

  it("imports predictions per model, refusing a wrong keypoint count and an unknown pair", async () => {
    const good = put(
      "good.jsonl",
      [
        // Pair 1: 5 px (correct), 11 px (wrong at 10), 0 px (correct).
        {
          pair: "0001-a-b:cat",
          keypoints: [
            [25, 15],
            [60, 56],
            [100, 80],
          ],
        },
        // Pair 2: 15 px (correct at 20), 50 px and outside the image (wrong, not an error).
        {
          pair: "0002-a-c:dog",
          keypoints: [
            [50, 65],
            [150, -30],
          ],
        },
      ]
        .map((x) => JSON.stringify(x))
        .join("\n"),
    );
    const base = ["import", "keypoint-predictions", "--project", projectSlug, "--prompt-set", "spair-test"];
    const r = await runLoupeToEnd([...base, good, "--model", "good-matcher"], env);
    expect(r.code).toBe(1);
    expect(r.output).toContain('unknown model "good-matcher"');
    const ok = await runLoupeToEnd([...base, good, "--model", "good-matcher", "--create-model"], env);
    expect(ok.output).toContain(
      '2 predictions of good-matcher into "spair-test": 2 imported, 0 duplicate, 0 error',
    );
    expect(ok.code).toBe(0);

    const weak = put(
      "weak.json",
      JSON.stringify({
        "0001-a-b:cat": [null, null, [100, 80]],
        "0002-a-c:dog": [[50, 50]],
        "0003-a-b:cat": [[1, 1]],
      }),
    );
    const w = await runLoupeToEnd([...base, weak, "--model", "weak-matcher", "--create-model"], env);
    expect(w.code).toBe(1);
    expect(w.output).toContain(
      "line 2: error: 0002-a-c:dog: 1 predicted keypoints; the pair has 2 annotated keypoints",
    );
    expect(w.output).toContain('line 3: error: 0003-a-b:cat: no pair "0003-a-b:cat" in "spair-test"');
    expect(w.output).toContain(
      '3 predictions of weak-matcher into "spair-test": 1 imported, 0 duplicate, 2 error',
    );

    // Predictions are immutable: the same again is a duplicate, different ones are refused.
    const same = await runLoupeToEnd([...base, good, "--model", "good-matcher"], env);
    expect(same.output).toContain("0 imported, 2 duplicate, 0 error");
    const changed = put(
      "changed.json",
      JSON.stringify({
        "0001-a-b:cat": [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      }),
    );
    const c = await runLoupeToEnd([...base, changed, "--model", "good-matcher"], env);
    expect(c.output).toContain("good-matcher already has different predictions for this pair");
    expect(c.code).toBe(1);
  });

  it("scores PCK per pair and per model at the chosen α and box", async () => {
    const set = await app.db.promptSet.findFirstOrThrow({ where: { name: "spair-test" } });
    const created = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "prompt-set",
      scopeId: set.id,
      config: {
        metrics: [
          { metric: "pck" },
          { metric: "pck", alpha: 0.2 },
          { metric: "pck", alpha: 0.05, pckBox: "image" },
        ],
      },
    });
    expect(created.metrics).toEqual(["pck@0.1", "pck@0.2", "pck@0.05-image"]);
    const run = await waitForRun(created.id);
    expect(run.status).toBe("done");

    const values = await app.db.metricValue.findMany({
      where: { runId: created.id },
      include: { output: { include: { model: true, prompt: true } } },
    });
    const valueOf = (metric: string, model: string, pair: string) =>
      values.find(
        (v) => v.metric === metric && v.output.model.name === model && v.output.prompt.externalId === pair,
      )?.value;
    // α = 0.1 of the box: pair 1 thresholds at 10 px, pair 2 at 20 px.
    expect(valueOf("pck@0.1", "good-matcher", "0001-a-b:cat")).toBeCloseTo(2 / 3, 12);
    expect(valueOf("pck@0.1", "good-matcher", "0002-a-c:dog")).toBeCloseTo(1 / 2, 12);
    expect(valueOf("pck@0.1", "weak-matcher", "0001-a-b:cat")).toBeCloseTo(1 / 3, 12);
    // α = 0.2: 20 px and 40 px.
    expect(valueOf("pck@0.2", "good-matcher", "0001-a-b:cat")).toBe(1);
    expect(valueOf("pck@0.2", "good-matcher", "0002-a-c:dog")).toBe(1 / 2);
    // α = 0.05 of the image's longer side: 6 px (of 120) and 10 px (of 200).
    expect(valueOf("pck@0.05-image", "good-matcher", "0001-a-b:cat")).toBeCloseTo(2 / 3, 12);
    expect(valueOf("pck@0.05-image", "good-matcher", "0002-a-c:dog")).toBe(0);

    const summary = run.summary!.metrics.find((m) => m.key === "pck@0.1")!;
    expect(summary.higherIsBetter).toBe(true);
    const perModel = Object.fromEntries(summary.perModel.map((m) => [m.modelName, m]));
    expect(perModel["good-matcher"]!.value).toBeCloseTo((2 / 3 + 1 / 2) / 2, 12);
    expect(perModel["good-matcher"]!.n).toBe(2);
    expect(perModel["weak-matcher"]!.value).toBeCloseTo(1 / 3, 12);
    expect(
      run
        .summary!.metrics.find((m) => m.key === "pck@0.2")!
        .perModel.find((m) => m.modelName === "good-matcher")!.value,
    ).toBeCloseTo(0.75, 12);
  });

  it("refuses PCK options on another metric", async () => {
    const set = await app.db.promptSet.findFirstOrThrow({ where: { name: "spair-test" } });
    await expect(
      owner.client.evaluations.create.mutate({
        projectSlug,
        scope: "prompt-set",
        scopeId: set.id,
        config: { metrics: [{ metric: "psnr", alpha: 0.1 }] },
      }),
    ).rejects.toThrow('"alpha" and "pckBox" are PCK options; PSNR has neither');
  });
});
