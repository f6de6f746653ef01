/**
 * The concept pass of a curation run, with a tiny CLIP model of known weights (its image
 * embedding is the CLIP-normalised colour of a solid image): the kept items' embeddings are
 * clustered by spherical k-means, embedding near-duplicates within a cluster are dropped (the
 * first in source order kept), and every kept item carries its concept cluster and the sampling
 * weight 1/√(cluster size). Without a registered model, the embedding stage and the concept pass
 * are left out, each saying why.
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
  projectCurationFunnel,
  readStored,
  runCurationShard,
} from "@loupe/api/curation";
import { registerEvaluatorModel } from "@loupe/api/evaluations";
import { handleCurationOutputDownload } from "@loupe/api/rest";
import { asyncBufferOf, decodeDecisions } from "@loupe/curation";
import { writeTinyClipFiles } from "./support/tiny-evaluators";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let projectId: string;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let corpus: string;

// Two reds the eye cannot tell apart, a third red, two greens and a blue, in this source order.
const COLOURS: [string, [number, number, number]][] = [
  ["1-red.png", [255, 0, 0]],
  ["2-green.png", [0, 255, 0]],
  ["3-red-again.png", [254, 1, 0]],
  ["4-dark-red.png", [230, 40, 20]],
  ["5-blue.png", [0, 0, 255]],
  ["6-green-blue.png", [20, 230, 40]],
];

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("owner-concepts@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Concepts", slug: "concepts" });
  projectId = (await app.db.project.findUniqueOrThrow({ where: { slug: "concepts" } })).id;
  corpus = path.join(app.dataDir, "corpora", "colours");
  fs.mkdirSync(corpus, { recursive: true });
  for (const [name, [r, g, b]] of COLOURS)
    fs.writeFileSync(
      path.join(corpus, name),
      await sharp({ create: { width: 64, height: 64, channels: 3, background: { r, g, b } } })
        .png()
        .toBuffer(),
    );
});
afterAll(() => app?.close());

const definition = {
  name: "colours",
  source: { kind: "folder", root: "" },
  stages: [{ stage: "decode" }, { stage: "embedding" }],
  concepts: { clusters: 3, dedupSimilarity: 0.9999 },
};

async function runToEnd() {
  const run = await createCurationRun(
    app.db,
    projectId,
    { ...definition, source: { kind: "folder", root: corpus } },
    { roots: null },
  );
  await planCurationRun(app.runtime, run.id);
  await runCurationShard(app.runtime, { runId: run.id, shard: 0 });
  await finishCurationRun(app.runtime, run.id);
  return getCurationRun(app.db, projectId, run.id);
}

const read = async (sha256: string) =>
  decodeDecisions(asyncBufferOf(await readStored(app.runtime.storage, sha256)));

describe("the concept pass", () => {
  it("is left out with the embedding stage, saying why, when no CLIP model is registered", async () => {
    const view = await runToEnd();
    expect(view.skippedStages.map((s) => s.stage)).toEqual(["embedding", "concepts"]);
    expect(view.skippedStages[1]!.reason).toMatch(/needs the embedding stage/);
    expect(view.definition.concepts).toBeNull();
    expect(view.summary!.kept).toBe(6);
  });

  it("clusters the kept items, drops embedding near-duplicates, and weights each item by 1/√(cluster size)", async () => {
    const dir = path.join(app.dataDir, "models");
    fs.mkdirSync(dir, { recursive: true });
    const clip = writeTinyClipFiles(dir);
    await registerEvaluatorModel(app.db, {
      name: "tiny-clip",
      image: clip.image,
      text: clip.text,
      tokenizer: clip.tokenizer,
    });

    const view = await runToEnd();
    expect(view.skippedStages).toEqual([]);
    expect(view.funnel.map((s) => [s.stage, s.dropped, s.remaining])).toEqual([
      ["decode", 0, 6],
      ["embedding", 0, 6],
      ["semdedup", 1, 5],
    ]);
    expect(view.summary!.concepts).toEqual({
      clusters: 3,
      sizes: [2, 2, 1],
      removed: 1,
      dedupSimilarity: 0.9999,
    });

    const kept = await read(view.outputs!.kept.sha256);
    const dropped = await read(view.outputs!.dropped.sha256);
    expect(dropped.map((d) => [d.source, d.firstFailingStage])).toEqual([["3-red-again.png", "semdedup"]]);
    expect(dropped[0]!.reason).toMatch(
      /^near-duplicate of 1-red\.png by embedding \(cosine similarity \d\.\d{3}\)$/,
    );
    const concept = Object.fromEntries(kept.map((d) => [d.source, d.concept!]));
    // The reds share a cluster, the greens another, the blue is alone.
    expect(concept["1-red.png"]!.cluster).toBe(concept["4-dark-red.png"]!.cluster);
    expect(concept["2-green.png"]!.cluster).toBe(concept["6-green-blue.png"]!.cluster);
    expect(new Set(Object.values(concept).map((c) => c.cluster)).size).toBe(3);
    expect(concept["1-red.png"]!.weight).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(concept["5-blue.png"]!.weight).toBe(1);
    // The outputs never carry the embeddings; the shard decisions do.
    expect(kept.every((d) => d.embedding === undefined)).toBe(true);
    const shard = await app.db.curationShard.findFirstOrThrow({ where: { runId: view.id } });
    const [first] = await read(shard.decisionsSha256!);
    expect(first!.embedding).toHaveLength(3);

    const semantic = await readStored(app.runtime.storage, view.outputs!.semanticDuplicates!.sha256);
    expect(semantic.subarray(0, 4).toString()).toBe("PAR1");
    // The run page's download link serves the same file to curators.
    const download = await handleCurationOutputDownload(
      app.runtime,
      new Request(`http://localhost/api/curation/concepts/${view.id}/semantic-duplicates`, {
        headers: { cookie: owner.cookie },
      }),
      "concepts",
      view.id,
      "semantic-duplicates",
    );
    expect(download.headers.get("content-disposition")).toContain("semantic-duplicates.parquet");
    expect(Buffer.from(await download.arrayBuffer()).equals(semantic)).toBe(true);
    // With unchanged thresholds the projection gives the run's own funnel, embedding step included.
    const projected = await projectCurationFunnel(app.runtime, projectId, view.id, {});
    expect(projected.funnel).toEqual(view.funnel.map(({ msPerItem: _, ...s }) => s));
  });

  it("refuses concepts without an embedding stage", async () => {
    await expect(
      createCurationRun(
        app.db,
        projectId,
        { ...definition, source: { kind: "folder", root: corpus }, stages: [{ stage: "decode" }] },
        { roots: null },
      ),
    ).rejects.toThrow(/concepts: clusters are made from embeddings; add \{ stage: embedding \}/);
  });
});
