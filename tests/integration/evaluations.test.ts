/**
 * Evaluation runs end to end on the real database and a real worker, with tiny ONNX evaluator
 * models whose outputs are known (support/tiny-evaluators.ts): registering models (sha256, load
 * check), a run over a prompt set with CLIP score, PSNR, the real OCR detector and FID against
 * reference images, per-output values and per-model aggregates, skipped metrics with how to
 * register a model, failures per output, and a changed model file refused.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { registerEvaluatorModel, studyMetrics } from "@loupe/api/evaluations";
import { refreshStudyResults } from "@loupe/api/results";
import type { RunningWorker } from "@loupe/worker";
import { toolPath } from "@loupe/media";
import { meanSquaredDifferenceModel, topLeftPixelModel, writeTinyClipFiles } from "./support/tiny-evaluators";
import { rateStudy } from "./support/rate-study";
import { createTestApp, type TestApp } from "./support/test-app";
import { startTestWorker } from "./support/test-worker";

let app: TestApp;
let worker: RunningWorker;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let projectId: string;
let promptSetId: string;
const projectSlug = "evals";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-eval-test-"));

const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };
const DARK_RED = { r: 200, g: 0, b: 0 };

const solid = (color: { r: number; g: number; b: number }, size = 64) =>
  sharp({ create: { width: size, height: size, channels: 3, background: color } })
    .png()
    .toBuffer();

async function asset(bytes: Buffer) {
  const stored = await app.runtime.storage.put(bytes);
  const meta = await sharp(bytes).metadata();
  return app.db.asset.upsert({
    where: { sha256: stored.sha256 },
    create: {
      sha256: stored.sha256,
      kind: "image",
      mime: "image/png",
      bytes: BigInt(bytes.length),
      width: meta.width,
      height: meta.height,
    },
    update: {},
  });
}

async function waitForRun(runId: string) {
  for (let i = 0; i < 600; i++) {
    const run = await owner.client.evaluations.get.query({ projectSlug, runId });
    if (run.status === "done" || run.status === "failed" || run.status === "cancelled") return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the evaluation did not finish");
}

/** A side-by-side study of the two colour models over the colour prompts. */
async function colourStudy(name: string, overlap: number) {
  const models = await app.db.genModel.findMany({ where: { projectId }, orderBy: { name: "asc" } });
  return owner.client.studies.create.mutate({
    projectSlug,
    name,
    config: {
      kind: "pairwise",
      template: "side-by-side",
      axes: [{ id: "overall", question: "Which is redder?" }],
      modelIds: models.map((m) => m.id),
      promptSetIds: [promptSetId],
      overlap,
    },
  });
}

/** `raters` raters judge every task, always preferring `preferred`'s output; results are refreshed. */
async function rateStudyFor(studyId: string, preferred: string, raters: number) {
  await rateStudy(app, owner, { projectSlug, studyId }, raters, () => preferred);
  await refreshStudyResults(app.db, studyId, { rounds: 50 });
}

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("owner-evals@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Evaluations", slug: projectSlug });
  projectId = (await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } })).id;

  // Two models on three prompts: "red-model" draws red, "blue-model" blue; every prompt has a dark
  // red "target" reference (for PSNR and FID).
  const set = await app.db.promptSet.create({ data: { projectId, name: "colours" } });
  promptSetId = set.id;
  const red = await asset(await solid(RED));
  const blue = await asset(await solid(BLUE));
  const target = await asset(await solid(DARK_RED));
  const models = {
    red: await app.db.genModel.create({ data: { projectId, name: "red-model" } }),
    blue: await app.db.genModel.create({ data: { projectId, name: "blue-model" } }),
  };
  for (const [i, text] of ["red", "red flower", "blue sky"].entries()) {
    const prompt = await app.db.prompt.create({
      data: { promptSetId: set.id, externalId: String(i), position: i, text },
    });
    await app.db.promptReference.create({
      data: { promptId: prompt.id, assetId: target.id, role: "target" },
    });
    await app.db.output.create({
      data: { projectId, modelId: models.red.id, promptId: prompt.id, assetId: red.id },
    });
    await app.db.output.create({
      data: { projectId, modelId: models.blue.id, promptId: prompt.id, assetId: blue.id },
    });
  }

  // Evaluator model files.
  writeTinyClipFiles(tmp);
  fs.writeFileSync(path.join(tmp, "inception.onnx"), topLeftPixelModel(299));

  worker = await startTestWorker(app);
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("evaluator models", () => {
  it("registers ONNX files with their sha256 and refuses what is not a model", async () => {
    const clip = await registerEvaluatorModel(app.db, {
      name: "tiny-clip",
      image: path.join(tmp, "clip-image.onnx"),
      text: path.join(tmp, "clip-text.onnx"),
      tokenizer: path.join(tmp, "tokenizer"),
    });
    expect(clip.kind).toBe("clip"); // inferred from the text encoder
    await registerEvaluatorModel(app.db, {
      name: "tiny-inception",
      kind: "inception",
      image: path.join(tmp, "inception.onnx"),
    });
    expect(await owner.client.evaluations.models.query({ projectSlug })).toEqual([
      expect.objectContaining({ name: "tiny-clip", kind: "clip" }),
      expect.objectContaining({ name: "tiny-inception", kind: "inception" }),
    ]);

    fs.writeFileSync(path.join(tmp, "not-a-model.onnx"), "hello");
    await expect(
      registerEvaluatorModel(app.db, {
        name: "broken",
        kind: "dino",
        image: path.join(tmp, "not-a-model.onnx"),
      }),
    ).rejects.toThrow(/cannot load the ONNX model/);
    await expect(
      registerEvaluatorModel(app.db, {
        name: "tiny-clip",
        kind: "dino",
        image: path.join(tmp, "inception.onnx"),
      }),
    ).rejects.toThrow(/registered already/);
    await expect(
      registerEvaluatorModel(app.db, { name: "no-kind", image: path.join(tmp, "inception.onnx") }),
    ).rejects.toThrow(/say what kind of model/);
  });
});

describe("evaluation runs", () => {
  it("scores every output, aggregates per model, and says which metric it skipped and why", async () => {
    const created = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "prompt-set",
      scopeId: promptSetId,
      chunkSize: 4,
      config: {
        metrics: [
          { metric: "clip-score" },
          { metric: "psnr" },
          { metric: "text-area" },
          { metric: "fid", reference: { role: "target" } },
          { metric: "aesthetic" },
        ],
      },
    });
    expect(created).toMatchObject({
      total: 6,
      chunkCount: 2,
      metrics: ["clip-score:tiny-clip", "psnr", "text-area", "fid:tiny-inception"],
    });
    expect(created.skipped).toEqual([
      expect.objectContaining({
        key: "aesthetic",
        reason: expect.stringMatching(/loupe models add .* --kind aesthetic/),
      }),
    ]);

    const run = await waitForRun(created.id);
    expect(run.status).toBe("done");
    const metric = (key: string) => run.summary!.metrics.find((m) => m.key === key)!;
    const of = (key: string, model: string) => metric(key).perModel.find((m) => m.modelName === model)!;

    // CLIP score: the image embedding of a solid colour is its CLIP-normalised channel means;
    // "red …" prompts embed as (1, 0, 0) and "blue sky" as (0, 0, 1). 100·max(cos, 0) per output.
    const clipOf = (rgb: number[], text: number[]) => {
      const mean = [0.48145466, 0.4578275, 0.40821073];
      const std = [0.26862954, 0.26130258, 0.27577711];
      const e = rgb.map((c, i) => (c / 255 - mean[i]!) / std[i]!);
      const cos = e.reduce((s, x, i) => s + x * text[i]!, 0) / Math.hypot(...e) / Math.hypot(...text);
      return 100 * Math.max(cos, 0);
    };
    const redMean = (2 * clipOf([255, 0, 0], [1, 0, 0]) + clipOf([255, 0, 0], [0, 0, 1])) / 3;
    const blueMean = (2 * clipOf([0, 0, 255], [1, 0, 0]) + clipOf([0, 0, 255], [0, 0, 1])) / 3;
    expect(of("clip-score:tiny-clip", "red-model").value).toBeCloseTo(redMean, 4);
    expect(of("clip-score:tiny-clip", "blue-model").value).toBeCloseTo(blueMean, 4);
    expect(of("clip-score:tiny-clip", "red-model")).toMatchObject({ n: 3, failed: 0 });
    expect(of("clip-score:tiny-clip", "red-model").low).not.toBeNull();

    // PSNR against the dark red target: red differs by 55 in R only, blue by 200 in R and 255 in B.
    const psnrOf = (mse: number) => 10 * Math.log10((255 * 255) / mse);
    expect(of("psnr", "red-model").value).toBeCloseTo(psnrOf((55 * 55) / 3), 6);
    expect(of("psnr", "blue-model").value).toBeCloseTo(psnrOf((200 * 200 + 255 * 255) / 3), 6);

    // The real PP-OCRv4 detector finds no text on a solid colour.
    expect(of("text-area", "red-model").value).toBe(0);

    // FID: every set is one colour repeated, so both covariances are 0 and FID = ‖μ₁ − μ₂‖² of the
    // channel means in 0…1: red vs dark red (55/255)², blue vs dark red (200/255)² + 1.
    expect(of("fid:tiny-inception", "red-model").value).toBeCloseTo((55 / 255) ** 2, 6);
    expect(of("fid:tiny-inception", "blue-model").value).toBeCloseTo((200 / 255) ** 2 + 1, 6);
    expect(metric("fid:tiny-inception").notes).toContain("resize: pytorch-fid");

    const values = await app.db.metricValue.count({ where: { runId: created.id, value: { not: null } } });
    expect(values).toBe(6 * 3); // clip-score, psnr, text-area for six outputs (FID is per model)
    // The Inception features are cached per asset: red, blue and the target, once each.
    expect(await app.db.featureVector.count({ where: { encoder: { startsWith: "tiny-inception:" } } })).toBe(
      3,
    );
  });

  it("records why an output has no value, and refuses a model file that changed", async () => {
    // A prompt without a target reference: PSNR has nothing to compare with.
    const prompt = await app.db.prompt.create({
      data: { promptSetId, externalId: "x", position: 9, text: "green" },
    });
    const model = await app.db.genModel.findFirstOrThrow({ where: { projectId, name: "red-model" } });
    const red = await app.db.asset.findFirstOrThrow({ where: { outputs: { some: { modelId: model.id } } } });
    await app.db.output.create({
      data: { projectId, modelId: model.id, promptId: prompt.id, assetId: red.id },
    });
    const { id } = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "prompt-set",
      scopeId: promptSetId,
      config: { metrics: [{ metric: "psnr" }] },
    });
    const run = await waitForRun(id);
    expect(run.failures).toEqual([
      expect.objectContaining({
        metric: "psnr",
        prompt: "green",
        error: 'the prompt has no reference image with role "target"',
      }),
    ]);
    expect(run.summary!.metrics[0]!.perModel.find((m) => m.modelName === "red-model")).toMatchObject({
      n: 3,
      failed: 1,
    });

    // The registered CLIP image file is replaced: the run refuses it instead of scoring with it.
    fs.appendFileSync(path.join(tmp, "clip-image.onnx"), Buffer.from([0]));
    const changed = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "prompt-set",
      scopeId: promptSetId,
      config: { metrics: [{ metric: "clip-score" }] },
    });
    const refused = await waitForRun(changed.id);
    expect(refused.status).toBe("done");
    expect(refused.failures.length).toBe(7);
    expect(refused.failureCount).toBe(7);
    expect(refused.failures[0]!.error).toMatch(/the file changed since it was registered/);
    expect(refused.summary!.metrics[0]!.perModel).toEqual([]);
  });

  it("refuses FID without a reference set and a metric that needs no model given one", async () => {
    await expect(
      owner.client.evaluations.create.mutate({
        projectSlug,
        scope: "prompt-set",
        scopeId: promptSetId,
        config: { metrics: [{ metric: "fid" }] },
      }),
    ).rejects.toThrow(/needs a reference set/);
    await expect(
      owner.client.evaluations.create.mutate({
        projectSlug,
        scope: "prompt-set",
        scopeId: promptSetId,
        config: { metrics: [{ metric: "psnr", model: "tiny-clip" }] },
      }),
    ).rejects.toThrow(/uses no model/);
    await expect(
      owner.client.evaluations.create.mutate({
        projectSlug,
        scope: "prompt-set",
        scopeId: promptSetId,
        config: { metrics: [{ metric: "psnr" }, { metric: "psnr", colorMode: "y" }] },
      }),
    ).rejects.toThrow(/psnr is asked for twice/);
  });

  it("runs through /api/v1 with an API key, and a rater's key is refused", async () => {
    const keys = owner.client.apiKeys;
    const key = (await keys.create.mutate({ projectSlug, name: "script", role: "researcher" })).key;
    const rater = (await keys.create.mutate({ projectSlug, name: "rater", role: "rater" })).key;
    const post = (body: unknown, k = key) =>
      app.rest(`/projects/${projectSlug}/evaluations`, {
        method: "POST",
        key: k,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const body = { scope: "prompt-set", scopeId: promptSetId, config: { metrics: [{ metric: "ssim" }] } };
    expect((await post(body, rater)).status).toBe(403);
    const created = await post(body);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await waitForRun(id);
    const read = await app.rest(`/projects/${projectSlug}/evaluations/${id}`, { key });
    const run = (await read.json()) as {
      status: string;
      summary: { metrics: { key: string; perModel: { modelName: string; value: number }[] }[] };
    };
    expect(run.status).toBe("done");
    // SSIM of a solid colour against another solid colour: structure term 1, luminance term only.
    expect(run.summary.metrics[0]!.perModel.map((m) => m.modelName).sort()).toEqual([
      "blue-model",
      "red-model",
    ]);
    const models = (await (await app.rest(`/projects/${projectSlug}/evaluator-models`, { key })).json()) as {
      models: { name: string }[];
    };
    expect(models.models.map((m) => m.name)).toEqual(["tiny-clip", "tiny-inception"]);
    const list = (await (await app.rest(`/projects/${projectSlug}/evaluations`, { key })).json()) as {
      runs: { id: string }[];
    };
    expect(list.runs.map((r) => r.id)).toContain(id);
  });

  it("puts a study's metrics beside its raters: rank correlation and per-pair agreement", async () => {
    const study = await colourStudy("colours", 2);
    await owner.client.studies.launch.mutate({ projectSlug, studyId: study.id });
    // Two raters always prefer the red output.
    await rateStudyFor(study.id, "red-model", 2);
    // Ratings alone: no evaluation of this study yet, so no metrics beside them.
    expect(await studyMetrics(app.db, study.id)).toBeNull();
    const { id } = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "study",
      scopeId: study.id,
      config: { metrics: [{ metric: "psnr" }, { metric: "text-area" }] },
    });
    expect((await waitForRun(id)).status).toBe("done");
    const read = await owner.client.evaluations.forStudy.query({ projectSlug, studyId: study.id });
    const psnr = read!.metrics.find((m) => m.key === "psnr")!;
    // PSNR against the dark red target prefers the red output in every pair, as the raters did.
    expect(psnr.pairs).toEqual({ agreement: 1, counted: 6, leftOut: 0 });
    expect(psnr.rank).toEqual({ spearman: 1, kendall: 1, models: 2 });
    // Text area is 0 for both: the metric ties every pair (half credit) and cannot rank the models.
    const text = read!.metrics.find((m) => m.key === "text-area")!;
    expect(text.pairs).toEqual({ agreement: 0.5, counted: 6, leftOut: 0 });
    expect(text.rank!.spearman).toBeNull();
  });

  it("pools the metrics of every study of a template on the project leaderboard", async () => {
    const first = await app.db.study.findFirstOrThrow({ where: { projectId, name: "colours" } });
    const board = () =>
      owner.client.results.project.query({ projectSlug, template: "side-by-side", axisId: "overall" });
    const before = await board();
    expect(before.metrics.runs.map((r) => r.studyId)).toEqual([first.id]);

    // A second study of the same outputs, where one rater prefers blue in every pair.
    const second = await colourStudy("colours again", 1);
    await owner.client.studies.launch.mutate({ projectSlug, studyId: second.id });
    await rateStudyFor(second.id, "blue-model", 1);
    const { id } = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "study",
      scopeId: second.id,
      config: { metrics: [{ metric: "psnr" }, { metric: "fid", reference: { role: "target" } }] },
    });
    expect((await waitForRun(id)).status).toBe("done");

    const pooled = await board();
    expect(pooled.studies.map((s) => s.name)).toEqual(["colours", "colours again"]);
    expect(pooled.metrics.runs.map((r) => r.studyId).sort()).toEqual([first.id, second.id].sort());
    const psnr = pooled.metrics.metrics.find((m) => m.key === "psnr")!;
    // The same three outputs per model in both studies count once: the means are the first study's.
    const single = (await owner.client.evaluations.forStudy.query({ projectSlug, studyId: first.id }))!;
    const firstPsnr = single.metrics.find((m) => m.key === "psnr")!;
    for (const model of ["red-model", "blue-model"]) {
      const row = psnr.perModel.find((m) => m.modelName === model)!;
      expect(row.n).toBe(3);
      expect(row.value).toBeCloseTo(firstPsnr.perModel.find((m) => m.modelName === model)!.value, 12);
    }
    // Six judgments agree with PSNR, the second study's three do not; red still leads overall.
    expect(psnr.pairs).toEqual({ agreement: 6 / 9, counted: 9, leftOut: 0 });
    expect(psnr.rank).toEqual({ spearman: 1, kendall: 1, models: 2 });
    // Text area came only from the first study; FID, a set distance, is not pooled across studies.
    expect(pooled.metrics.metrics.map((m) => m.key).sort()).toEqual(["psnr", "text-area"]);
    expect(pooled.metrics.unpooled).toEqual([expect.stringMatching(/^fid:/)]);
  });
});

describe("more metrics", () => {
  it("computes LPIPS and identity with registered models, and VBench's video metrics", async () => {
    fs.writeFileSync(path.join(tmp, "lpips.onnx"), meanSquaredDifferenceModel());
    fs.writeFileSync(path.join(tmp, "face.onnx"), topLeftPixelModel(112));
    fs.writeFileSync(path.join(tmp, "dino.onnx"), topLeftPixelModel(224));
    await registerEvaluatorModel(app.db, {
      name: "tiny-lpips",
      kind: "lpips",
      image: path.join(tmp, "lpips.onnx"),
    });
    await registerEvaluatorModel(app.db, {
      name: "tiny-face",
      kind: "face",
      image: path.join(tmp, "face.onnx"),
    });
    await registerEvaluatorModel(app.db, {
      name: "tiny-dino",
      kind: "dino",
      image: path.join(tmp, "dino.onnx"),
    });
    // The CLIP image file was tampered with above: write it again and register it anew.
    fs.writeFileSync(path.join(tmp, "clip-image.onnx"), topLeftPixelModel(224));
    await registerEvaluatorModel(app.db, {
      name: "tiny-clip",
      image: path.join(tmp, "clip-image.onnx"),
      text: path.join(tmp, "clip-text.onnx"),
      tokenizer: path.join(tmp, "tokenizer"),
      replace: true,
    });

    const images = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "prompt-set",
      scopeId: promptSetId,
      config: { metrics: [{ metric: "lpips" }, { metric: "identity", referenceRole: "target" }] },
    });
    const run = await waitForRun(images.id);
    const of = (key: string, model: string) =>
      run.summary!.metrics.find((m) => m.key === key)!.perModel.find((m) => m.modelName === model)!;
    // Both images scaled to −1…1: red is (1, −1, −1), dark red (200/127.5 − 1, −1, −1); the stand-in
    // LPIPS is the mean squared difference over the three channels.
    const dr = 200 / 127.5 - 1;
    expect(of("lpips:tiny-lpips", "red-model").value).toBeCloseTo((1 - dr) ** 2 / 3, 5);
    // ArcFace's scaling, (x − 127.5)/127.5: the cosine of (1, −1, −1) and (dr, −1, −1).
    const cos = (1 * dr + 2) / (Math.sqrt(3) * Math.hypot(dr, 1, 1));
    expect(of("identity:tiny-face", "red-model").value).toBeCloseTo(cos, 5);

    // Two videos of a video model: a still grey clip and ffmpeg's moving test pattern.
    const clips = await app.db.promptSet.create({ data: { projectId, name: "clips" } });
    const model = await app.db.genModel.create({ data: { projectId, name: "video-model" } });
    const ffmpeg = await toolPath("ffmpeg");
    for (const [i, source] of ["color=c=gray:size=64x48:rate=10", "testsrc=size=64x48:rate=10"].entries()) {
      const file = path.join(tmp, `clip-${i}.mkv`);
      execFileSync(ffmpeg, [
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        `${source},format=rgb24`,
        "-t",
        "1",
        "-c:v",
        "ffv1",
        file,
      ]);
      const bytes = fs.readFileSync(file);
      const stored = await app.runtime.storage.put(bytes);
      const asset = await app.db.asset.create({
        data: {
          sha256: stored.sha256,
          kind: "video",
          mime: "video/x-matroska",
          bytes: BigInt(bytes.length),
          width: 64,
          height: 48,
        },
      });
      const prompt = await app.db.prompt.create({
        data: { promptSetId: clips.id, externalId: String(i), position: i, text: source },
      });
      await app.db.output.create({
        data: { projectId, modelId: model.id, promptId: prompt.id, assetId: asset.id },
      });
    }
    const videos = await owner.client.evaluations.create.mutate({
      projectSlug,
      scope: "prompt-set",
      scopeId: clips.id,
      config: {
        metrics: [
          { metric: "flicker" },
          { metric: "subject-consistency" },
          { metric: "background-consistency" },
          { metric: "psnr" },
        ],
      },
    });
    const videoRun = await waitForRun(videos.id);
    const values = await app.db.metricValue.findMany({
      where: { runId: videos.id },
      include: { output: { include: { prompt: true } } },
    });
    const value = (metric: string, still: boolean) =>
      values.find((v) => v.metric === metric && v.output.prompt.text.startsWith("color") === still)!;
    // A still clip does not flicker at all, and its subject never changes.
    expect(value("flicker", true).value).toBe(1);
    expect(value("subject-consistency:tiny-dino", true).value).toBeCloseTo(1, 6);
    expect(value("background-consistency:tiny-clip", true).value).toBeCloseTo(1, 6);
    expect(value("flicker", false).value).toBeLessThan(1);
    expect(value("flicker", false).value).toBeGreaterThan(0.5);
    // An image metric says it does not score videos.
    expect(value("psnr", true).error).toBe("a video output; PSNR scores images");
    expect(videoRun.status).toBe("done");
  });
});
