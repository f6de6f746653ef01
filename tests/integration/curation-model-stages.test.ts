/**
 * Curation stages that run registered evaluator models: without the model a stage is left out of
 * the run with how to register one, and the other stages still run; with tiny models of known
 * weights (support/tiny-evaluators.ts) the aesthetic score and the CLIP image–caption score come
 * out as computed by hand, and an item without a caption is an error with its reason.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCurationRun,
  finishCurationRun,
  getCurationRun,
  planCurationRun,
  readStored,
  runCurationShard,
} from "@loupe/api/curation";
import { registerEvaluatorModel } from "@loupe/api/evaluations";
import { asyncBufferOf, decodeDecisions, type CurationDecision } from "@loupe/curation";
import { writeTinyClipFiles } from "./support/tiny-evaluators";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let projectId: string;
let corpus: string;

const COLOURS = { red: [255, 0, 0], green: [0, 255, 0], blue: [0, 0, 255] } as const;
/** CLIP's normalisation of a solid colour: the tiny image model's embedding. */
const clipEmbedding = (rgb: readonly number[]) => {
  const mean = [0.48145466, 0.4578275, 0.40821073];
  const std = [0.26862954, 0.26130258, 0.27577711];
  return rgb.map((c, i) => (c / 255 - mean[i]!) / std[i]!);
};
const clipScoreOf = (rgb: readonly number[], text: readonly number[]) => {
  const e = clipEmbedding(rgb);
  const cos = e.reduce((s, x, i) => s + x * text[i]!, 0) / Math.hypot(...e) / Math.hypot(...text);
  return 100 * Math.max(cos, 0);
};

beforeAll(async () => {
  app = await createTestApp();
  projectId = (await app.db.project.create({ data: { name: "Models", slug: "models" } })).id;
  corpus = path.join(app.dataDir, "corpora", "colours");
  fs.mkdirSync(corpus, { recursive: true });
  for (const [name, [r, g, b]] of Object.entries(COLOURS))
    fs.writeFileSync(
      path.join(corpus, `${name}.png`),
      await sharp({ create: { width: 64, height: 64, channels: 3, background: { r, g, b } } })
        .png()
        .toBuffer(),
    );
  // The blue image is captioned "red": a caption that does not match its image.
  const rows = [
    { file: "red.png", text: "red" },
    { file: "green.png", text: "green" },
    { file: "blue.png", text: "red" },
    { file: "red.png", text: null },
  ];
  fs.writeFileSync(path.join(corpus, "captions.jsonl"), rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
});
afterAll(() => app?.close());

const pipeline = (stages: object[]) => ({
  name: "colours",
  source: {
    kind: "manifest",
    path: path.join(corpus, "captions.jsonl"),
    pathColumn: "file",
    captionColumn: "text",
  },
  stages,
});

async function runToEnd(definition: object) {
  const run = await createCurationRun(app.db, projectId, definition, { roots: null });
  await planCurationRun(app.runtime, run.id);
  await runCurationShard(app.runtime, { runId: run.id, shard: 0 });
  await finishCurationRun(app.runtime, run.id);
  const view = await getCurationRun(app.db, projectId, run.id);
  const decisions = [
    ...(await decodeDecisions(
      asyncBufferOf(await readStored(app.runtime.storage, view.outputs!.kept.sha256)),
    )),
    ...(await decodeDecisions(
      asyncBufferOf(await readStored(app.runtime.storage, view.outputs!.dropped.sha256)),
    )),
  ];
  return { view, decisions };
}

describe("model stages", () => {
  it("are left out, with how to register a model, when none is registered; the rest still runs", async () => {
    const { view, decisions } = await runToEnd(
      pipeline([{ stage: "decode" }, { stage: "aesthetic" }, { stage: "clip", minScore: 50 }]),
    );
    expect(view.skippedStages).toEqual([
      { stage: "aesthetic", reason: expect.stringMatching(/loupe models add my-aesthetic --kind aesthetic/) },
      { stage: "clip", reason: expect.stringMatching(/--text text\.onnx --tokenizer dir\//) },
    ]);
    expect(view.stages.map((s) => s.id)).toEqual(["decode"]);
    expect(decisions.map((d) => d.status)).toEqual(["kept", "kept", "kept", "kept"]);
    // With nothing else to run, the run is refused before it starts.
    await expect(
      createCurationRun(app.db, projectId, pipeline([{ stage: "aesthetic" }]), { roots: null }),
    ).rejects.toThrow(/No stage can run: the aesthetic stage needs a registered aesthetic model/);
  });

  it("score images with the registered models: aesthetic, and CLIP against each item's caption", async () => {
    const dir = path.join(app.dataDir, "models");
    fs.mkdirSync(dir, { recursive: true });
    const clip = writeTinyClipFiles(dir);
    await registerEvaluatorModel(app.db, {
      name: "tiny-aesthetic",
      kind: "aesthetic",
      image: clip.image,
    });
    await registerEvaluatorModel(app.db, {
      name: "tiny-clip",
      image: clip.image,
      text: clip.text,
      tokenizer: clip.tokenizer,
    });

    const { view, decisions } = await runToEnd(
      pipeline([{ stage: "decode" }, { stage: "aesthetic", minScore: 0 }, { stage: "clip", minScore: 50 }]),
    );
    expect(view.skippedStages).toEqual([]);
    expect(view.definition.stages).toEqual([
      { stage: "decode" },
      { stage: "aesthetic", minScore: 0, model: "tiny-aesthetic" },
      { stage: "clip", minScore: 50, model: "tiny-clip" },
    ]);
    const of = (source: string) => decisions.find((d) => d.source === source)! as CurationDecision;
    // The aesthetic "score" is the first value of the tiny model's output: red's normalised R.
    expect(of("line 1").scores["aesthetic.score"]).toBeCloseTo(clipEmbedding(COLOURS.red)[0]!, 4);
    expect(of("line 1")).toMatchObject({ status: "kept" });
    expect(of("line 1").scores["clip.score"]).toBeCloseTo(clipScoreOf(COLOURS.red, [1, 0, 0]), 3);
    // Green's normalised R is negative: below the aesthetic threshold, though its caption matches.
    expect(of("line 2")).toMatchObject({ status: "dropped", firstFailingStage: "aesthetic" });
    expect(of("line 2").scores["clip.score"]).toBeCloseTo(clipScoreOf(COLOURS.green, [0, 1, 0]), 3);
    // Blue captioned "red": an aesthetic drop too, and a CLIP score of 0.
    expect(of("line 3").scores["clip.score"]).toBe(0);
    expect(of("line 4")).toMatchObject({
      status: "error",
      firstFailingStage: "clip",
      reason: "stage failed: the item has no caption to score the image against",
    });
    // Projection: a lower aesthetic bar keeps green; the CLIP bar still drops the mismatched caption.
    const { projectCurationFunnel } = await import("@loupe/api/curation");
    const projected = await projectCurationFunnel(app.runtime, projectId, view.id, {
      aesthetic: { minScore: -10 },
    });
    expect(projected.funnel.map((s) => [s.stage, s.dropped, s.errors])).toEqual([
      ["decode", 0, 0],
      ["aesthetic", 0, 0],
      ["clip", 1, 1],
    ]);
  });

  it("filter NSFW items with a registered classifier, and leave the stage out for a model without its label", async () => {
    const dir = path.join(app.dataDir, "models");
    const clip = writeTinyClipFiles(dir);
    await expect(
      registerEvaluatorModel(app.db, { name: "no-labels", kind: "classifier", image: clip.image }),
    ).rejects.toThrow(/a classifier needs its labels/);
    // The tiny image model outputs the normalised colour: as logits of these three classes, a blue
    // image is "nsfw".
    await registerEvaluatorModel(app.db, {
      name: "tiny-nsfw",
      kind: "classifier",
      image: clip.image,
      labels: ["normal", "other", "nsfw"],
    });
    const { view, decisions } = await runToEnd(pipeline([{ stage: "decode" }, { stage: "nsfw" }]));
    expect(view.definition.stages).toEqual([{ stage: "decode" }, { stage: "nsfw", model: "tiny-nsfw" }]);
    const of = (source: string) => decisions.find((d) => d.source === source)! as CurationDecision;
    const softmax = (x: number[]) => x.map((v) => Math.exp(v) / x.reduce((a, b) => a + Math.exp(b), 0));
    expect(of("line 3")).toMatchObject({ status: "dropped", firstFailingStage: "nsfw" });
    expect(of("line 3").scores["nsfw.score"]).toBeCloseTo(softmax(clipEmbedding(COLOURS.blue))[2]!, 5);
    expect(of("line 3").reason).toMatch(/^NSFW probability 0\.\d{3}, above 0\.5$/);
    expect(of("line 1").scores["nsfw.score"]).toBeCloseTo(softmax(clipEmbedding(COLOURS.red))[2]!, 5);
    expect(["line 1", "line 2", "line 4"].map((l) => of(l).status)).toEqual(["kept", "kept", "kept"]);

    const { view: other } = await runToEnd(pipeline([{ stage: "decode" }, { stage: "nsfw", label: "porn" }]));
    expect(other.skippedStages).toEqual([
      {
        stage: "nsfw",
        reason:
          'the classifier "tiny-nsfw" has no label "porn" (its labels: normal, other, nsfw); set the stage\'s "label" option',
      },
    ]);
  });
});
