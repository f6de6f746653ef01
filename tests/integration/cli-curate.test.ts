/**
 * `loupe curate` as a data team runs it on a big machine: a YAML pipeline with paths relative to
 * the file, a worker in the process, the funnel printed at the end and the kept and dropped sets
 * (and a video run's clips) written out. Bad files end in one line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asyncBufferOf, decodeDecisions } from "@loupe/curation";
import {
  testVideoPipeline,
  writeTestCorpus,
  writeTestVideoCorpus,
  type ExpectedDecision,
} from "@loupe/curation/testing";
import { migrateJobQueue } from "@loupe/worker";
import { createTestDatabase } from "./setup/database";
import { killAllLoupes, runLoupeToEnd } from "./support/loupe-process";
import { writeTinyClipFiles } from "./support/tiny-evaluators";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
let env: Record<string, string>;
let expected: Record<string, ExpectedDecision>;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateJobQueue(database.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-curate-cli-"));
  env = { DATABASE_URL: database.url, LOUPE_DATA_DIR: path.join(dir, "data") };
  expected = await writeTestCorpus(path.join(dir, "jobs", "photos"));
  await database.db.project.create({ data: { name: "Corpora", slug: "corpora" } });
});
afterAll(async () => {
  killAllLoupes();
  await database?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PIPELINE = `# relative to this file
name: photos
source: { kind: folder, root: photos }
stages:
  - { stage: resolution, minShortSide: 64 }
  - stage: decode
  - stage: exposure
  - stage: border
  - { stage: blur, minSharpness: 100 }
  - stage: phash
dedup: { hash: phash, maxDistance: 8 }
`;

describe("loupe curate", () => {
  it("runs a YAML pipeline with a worker, prints the funnel and writes the kept and dropped sets", async () => {
    const file = path.join(dir, "jobs", "pipeline.yaml");
    fs.writeFileSync(file, PIPELINE);
    const out = path.join(dir, "out");
    const r = await runLoupeToEnd(
      ["curate", "run", file, "--project", "corpora", "--worker", "--out", out],
      env,
    );
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^Near-duplicate removal\s+2\s+0\s+6\s+40\.0%$/m);
    expect(r.output).toMatch(/^Resolution and aspect\s+1\s+2\s+12/m);
    const kept = await decodeDecisions(asyncBufferOf(fs.readFileSync(path.join(out, "kept.parquet"))));
    expect(kept.map((d) => d.source).sort()).toEqual(
      Object.keys(expected)
        .filter((f) => expected[f]!.status === "kept")
        .sort(),
    );
    // The stored definition holds the absolute folder, so any worker anywhere reads the same files.
    const run = await database.db.curationRun.findFirstOrThrow({ where: { name: "photos" } });
    expect((run.definition as { source: { root: string } }).source.root).toBe(
      path.join(dir, "jobs", "photos"),
    );
    expect(fs.readFileSync(path.join(out, "dropped.parquet")).subarray(0, 4).toString()).toBe("PAR1");
  });

  it("runs a video pipeline and writes the kept videos' clips", async () => {
    const videos = path.join(dir, "jobs", "videos");
    await writeTestVideoCorpus(videos);
    const file = path.join(dir, "jobs", "videos.yaml");
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...testVideoPipeline("videos", "videos"),
        source: { kind: "folder", root: "videos" },
      }),
    );
    const out = path.join(dir, "out-videos");
    const r = await runLoupeToEnd(
      ["curate", "run", file, "--project", "corpora", "--worker", "--out", out],
      env,
    );
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^Motion\s+1\s+0\s+3/m);
    expect(r.output).toMatch(/^4 clips cut from the kept videos, 11\.9 s in all$/m);
    expect(r.output).toContain(`wrote ${path.join(out, "clips-00000.tar")} (4 clips)`);
    expect(fs.statSync(path.join(out, "clips-00000.tar")).size).toBeGreaterThan(10_000);
  });

  it("registers a classifier with its labels, for the NSFW stage", async () => {
    const clip = writeTinyClipFiles(path.join(dir, "models"));
    const added = await runLoupeToEnd(
      [
        "models",
        "add",
        "tiny-nsfw",
        "--kind",
        "classifier",
        "--image",
        clip.image,
        "--labels",
        "normal, other,nsfw",
      ],
      env,
    );
    expect(added.output.trim()).toBe('registered classifier model "tiny-nsfw"');
    const model = await database.db.evaluatorModel.findUniqueOrThrow({ where: { name: "tiny-nsfw" } });
    expect(model.spec).toMatchObject({
      labels: ["normal", "other", "nsfw"],
      activation: "softmax",
      preprocess: "clip",
    });
    const missing = await runLoupeToEnd(
      ["models", "add", "x", "--kind", "classifier", "--image", clip.image],
      env,
    );
    expect(missing.output.trim()).toMatch(/a classifier needs its labels/);
  });

  it("ends in one line for a file that is not YAML, a bad definition, or an unknown project", async () => {
    const broken = path.join(dir, "broken.yaml");
    fs.writeFileSync(broken, "name: [unclosed\n");
    const yaml = await runLoupeToEnd(["curate", "run", broken, "--project", "corpora", "--worker"], env);
    expect(yaml.code).toBe(1);
    expect(yaml.output.trim()).toMatch(/^loupe: .*broken\.yaml is not valid YAML: /);

    const bad = path.join(dir, "jobs", "bad.yaml");
    fs.writeFileSync(bad, PIPELINE.replace("stage: decode", "stage: deblur"));
    const definition = await runLoupeToEnd(["curate", "run", bad, "--project", "corpora", "--worker"], env);
    expect(definition.code).toBe(1);
    expect(definition.output.trim()).toMatch(
      /^loupe: invalid pipeline: stages\.1\.stage: "deblur" is not an image stage/,
    );

    const project = await runLoupeToEnd(
      ["curate", "run", path.join(dir, "jobs", "pipeline.yaml"), "--project", "nope", "--worker"],
      env,
    );
    expect(project.output.trim()).toBe('loupe: no project "nope"');
  });
});
