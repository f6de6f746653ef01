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
import { registerEvaluatorModel, studyMetrics } from "@loupe/api/evaluations";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { topLeftPixelModel, firstWordModel, writeTokenizer } from "./support/tiny-evaluators";
import { createTestApp, type TestApp } from "./support/test-app";

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
  fs.writeFileSync(path.join(tmp, "clip-image.onnx"), topLeftPixelModel(224));
  // Token embeddings: [UNK], <sot>, <eot>, red, green, blue.
  const table = [
    [0, 0, 1],
    [0, 0, 0],
    [0, 0, 0],
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  fs.writeFileSync(path.join(tmp, "clip-text.onnx"), firstWordModel(table));
  writeTokenizer(path.join(tmp, "tokenizer"));
  fs.writeFileSync(path.join(tmp, "inception.onnx"), topLeftPixelModel(299));

  worker = await startWorker({
    databaseUrl: app.databaseUrl,
    dataDir: app.dataDir,
    concurrency: 2,
    pollIntervalMs: 200,
    secret: app.runtime.secret,
    log: () => undefined,
  });
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
  });

  it("has no study metrics before a run over the study", async () => {
    expect(await studyMetrics(app.db, "no-such-study")).toBeNull();
  });
});
