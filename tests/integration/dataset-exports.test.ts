/**
 * Preference-dataset exports as a user makes them with `loupe export`, read back with independent
 * readers (hyparquet for Parquet, JSON.parse) and checked against the database: which judgments
 * become rows (flagged raters and gold items out, ties as 0.5 or dropped, majorities), labels in
 * A/B orientation, pseudonymized raters, splits, images as files with their sha256, byte-identical
 * files for the same config, and the refusals (no judgments, missing media).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJudgments, type JudgmentBatch } from "@loupe/api/datasets";
import { handleSessionExportDownload } from "@loupe/api/rest";
import { startWorker, type RunningWorker } from "@loupe/worker";
import { addImageOutput } from "./support/image-outputs";
import { killAllLoupes, runLoupeToEnd } from "./support/loupe-process";
import { rateStudy } from "./support/rate-study";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;
let worker: RunningWorker | undefined;
let env: Record<string, string>;
let studyId: string;
const projectSlug = "prefs";
const out = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-exports-"));
const SALT = "a-fixed-salt-for-the-test";

const solid = (r: number, g: number, b: number) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

/** Who prefers what, by rater and prompt: "red", "blue" or "tie". */
const CHOICES: Record<number, (prompt: string) => "red" | "blue" | "tie"> = {
  0: () => "red",
  1: (p) => (p === "p4" ? "tie" : "red"),
  2: () => "blue", // flagged below
};

/** A tar's files by name, read with tar-stream (an independent reader of the archive). */
async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c) => chunks.push(c as Buffer));
    stream.on("end", () => {
      files.set(header.name, Buffer.concat(chunks));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on("finish", resolve).on("error", reject);
    extract.end(bytes);
  });
  return files;
}

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
/** The Pick-a-Pic export the first two tests make, everything in the train split. */
const PICK_A_PIC = ["--name", "prefs", "--format", "pick-a-pic", "--split", "1,0,0"];
const exportCli = (args: string[]) =>
  runLoupeToEnd(
    ["export", "create", "--project", projectSlug, "--study", studyId, "--salt", SALT, ...args],
    env,
  );

beforeAll(async () => {
  app = await createTestApp();
  env = { DATABASE_URL: app.databaseUrl, LOUPE_DATA_DIR: app.dataDir };
  owner = await app.userWithSession("owner-prefs@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Prefs", slug: projectSlug });
  const project = await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } });
  const set = await app.db.promptSet.create({ data: { projectId: project.id, name: "four" } });
  const red = await app.db.genModel.create({ data: { projectId: project.id, name: "red" } });
  const blue = await app.db.genModel.create({ data: { projectId: project.id, name: "blue" } });
  for (let i = 1; i <= 4; i++) {
    const prompt = await app.db.prompt.create({
      data: {
        promptSetId: set.id,
        externalId: `p${i}`,
        position: i,
        text: `prompt ${i}, "quoted", =1+1\nsecond line: café ✓`,
      },
    });
    for (const [model, bytes] of [
      [red, await solid(200 + i, 0, 0)],
      [blue, await solid(0, 0, 200 + i)],
    ] as const) {
      await addImageOutput(app, { projectId: project.id, modelId: model.id, promptId: prompt.id }, bytes);
    }
  }
  const study = await owner.client.studies.create.mutate({
    projectSlug,
    name: "red or blue",
    config: {
      kind: "pairwise",
      template: "side-by-side",
      axes: [{ id: "overall", question: "Which is better?" }],
      modelIds: [red.id, blue.id],
      promptSetIds: [set.id],
      overlap: 3,
    },
  });
  studyId = study.id;
  await owner.client.studies.launch.mutate({ projectSlug, studyId });
  await rateStudy(app, owner, { projectSlug, studyId }, 3, (r, task) => CHOICES[r]!(task.prompt));
  // Quality control flagged the third rater; the p3 item is a gold item.
  const raters = await app.db.rater.findMany({ where: { studyId }, orderBy: { createdAt: "asc" } });
  await app.db.rater.update({
    where: { id: raters[2]!.id },
    data: { excluded: true, excludedReason: "test" },
  });
  const p3 = await app.db.studyTask.findFirstOrThrow({ where: { studyId, prompt: { externalId: "p3" } } });
  await app.db.studyTask.update({ where: { id: p3.id }, data: { isGold: true } });
});
afterAll(async () => {
  killAllLoupes();
  await worker?.stop();
  await app?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe("loupe export", () => {
  it("writes Pick-a-Pic Parquet whose rows, labels and raters match the database", async () => {
    const dir = path.join(out, "pap-1");
    const r = await exportCli([...PICK_A_PIC, "--out", dir]);
    expect(r.output).toContain('"prefs" version 1 (pick-a-pic): 6 rows (train 6)');
    expect(r.output).toContain("a source study is still running");
    expect(r.code).toBe(0);

    const rows = await parquetReadObjects({
      file: await asyncBufferFromFile(path.join(dir, "train.parquet")),
    });
    expect(rows).toHaveLength(6);
    const judgments = await app.db.judgment.findMany({
      where: { studyId },
      include: {
        rater: true,
        task: {
          include: {
            prompt: true,
            outputA: { include: { model: true, asset: true } },
            outputB: { include: { model: true, asset: true } },
          },
        },
      },
    });
    for (const row of rows) {
      const j = judgments.find((x) => x.id === row.ranking_id)!;
      expect(j.rater.excluded).toBe(false);
      expect(j.task.isGold).toBe(false);
      const answer = (j.answers as Record<string, string>).overall;
      expect([row.label_0, row.label_1]).toEqual(
        answer === "A" ? [1, 0] : answer === "B" ? [0, 1] : [0.5, 0.5],
      );
      expect(row.caption).toBe(j.task.prompt.text);
      expect(row.model_0).toBe(j.task.outputA.model.name);
      expect(row.model_1).toBe(j.task.outputB!.model.name);
      expect(row.image_0_uid).toBe(j.task.outputA.asset.sha256);
      expect(row.jpg_0).toBe(`images/${j.task.outputA.asset.sha256}.png`);
      expect(row.user_id).toBe(
        crypto.createHmac("sha256", SALT).update(j.raterId).digest("hex").slice(0, 16),
      );
      expect(row.are_different).toBe(true);
      // The image files are alongside, with the bytes their names promise.
      expect(sha256(path.join(dir, row.jpg_1 as string))).toBe(j.task.outputB!.asset.sha256);
    }
    // Which rows: p1, p2 and p4 by the two unflagged raters; p4 once as a tie.
    expect(rows.filter((x) => x.label_0 === 0.5)).toHaveLength(1);

    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.excluded).toEqual({ flaggedRater: 3, gold: 3, lowAgreement: 0, tie: 0, unscored: 0 });
    expect(manifest.complete).toBe(false);
    expect(manifest.config.raterSalt).toBeUndefined();
    // Krippendorff's α, nominal, worked out here from the coincidences of the counted judgments
    // (Krippendorff 2011): each item's ordered pairs of answers, weighted 1 / (m − 1).
    const counted = judgments.filter((j) => !j.rater.excluded && !j.task.isGold);
    const byItem = new Map<string, string[]>();
    for (const j of counted)
      byItem.set(j.taskId, [...(byItem.get(j.taskId) ?? []), (j.answers as Record<string, string>).overall!]);
    const o = new Map<string, number>();
    for (const values of byItem.values()) {
      if (values.length < 2) continue;
      for (let x = 0; x < values.length; x++)
        for (let y = 0; y < values.length; y++)
          if (x !== y)
            o.set(
              `${values[x]}|${values[y]}`,
              (o.get(`${values[x]}|${values[y]}`) ?? 0) + 1 / (values.length - 1),
            );
    }
    const n = [...o.values()].reduce((a, b) => a + b, 0);
    const marginal = new Map<string, number>();
    for (const [key, v] of o) marginal.set(key.split("|")[0]!, (marginal.get(key.split("|")[0]!) ?? 0) + v);
    const observed =
      [...o].filter(([k]) => k.split("|")[0] !== k.split("|")[1]).reduce((a, [, v]) => a + v, 0) / n;
    let expectedPairs = 0;
    for (const [c, nc] of marginal) for (const [k, nk] of marginal) if (c !== k) expectedPairs += nc * nk;
    const expectedAlpha = 1 - observed / (expectedPairs / (n * (n - 1)));
    expect(manifest.agreement.krippendorffAlpha).toBeCloseTo(expectedAlpha, 12);
    for (const file of manifest.files) expect(sha256(path.join(dir, file.path))).toBe(file.sha256);
    // SHA256SUMS lists every file but itself, each with its real hash: the card, the data files,
    // and each image the rows show (once, however many rows show it).
    const sums = fs
      .readFileSync(path.join(dir, "SHA256SUMS"), "utf8")
      .trim()
      .split("\n")
      .map((line) => /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!.slice(1) as [string, string]);
    const shownImages = new Set(rows.flatMap((r) => [r.jpg_0 as string, r.jpg_1 as string]));
    expect(sums.map(([, p]) => p).sort()).toEqual(["README.md", "train.parquet", ...shownImages].sort());
    for (const [hash, p] of sums) expect(sha256(path.join(dir, p))).toBe(hash);
    expect(manifest.images.count).toBe(shownImages.size);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      "README.md",
      "train.parquet",
      "SHA256SUMS",
    ]);
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toContain(
      "Snapshot of a study still running",
    );
  });

  it("reads the judgments in batches of whole prompts, the same ones whatever the batch size", async () => {
    const read = async (size: number) => {
      const batches: JudgmentBatch[] = [];
      let total = -1;
      await readJudgments(
        app.db,
        [studyId],
        "overall",
        (source) => void (total = source.total),
        async (b) => void batches.push(b),
        size,
      );
      return { batches, total };
    };
    const whole = await read(10_000);
    const small = await read(1);
    const ids = (r: { batches: JudgmentBatch[] }) =>
      r.batches.flatMap((b) => b.judged.map((j) => j.judgmentId));
    const count = await app.db.judgment.count({ where: { studyId } });
    expect(whole.batches).toHaveLength(1);
    expect(whole.total).toBe(count);
    expect(whole.batches[0]!.read).toBe(count);
    // One prompt per batch at size 1: no prompt in two batches, prompts in id order.
    const prompts = small.batches.map((b) => [...new Set(b.judged.map((j) => j.promptId))]);
    expect(prompts.every((p) => p.length === 1)).toBe(true);
    const order = prompts.map((p) => p[0]!);
    expect(order).toEqual([...order].sort());
    expect(new Set(order).size).toBe(order.length);
    expect(ids(small).sort()).toEqual(ids(whole).sort());
    expect(small.batches.reduce((s, b) => s + b.read, 0)).toBe(count);
  });

  it("gives byte-identical files for the same config, as a new version", async () => {
    const dir = path.join(out, "pap-2");
    const r = await exportCli([...PICK_A_PIC, "--out", dir]);
    expect(r.output).toContain('"prefs" version 2');
    for (const file of ["train.parquet", "README.md"])
      expect(
        fs.readFileSync(path.join(dir, file)).equals(fs.readFileSync(path.join(out, "pap-1", file))),
      ).toBe(true);
  });

  it("packs Pick-a-Pic samples as WebDataset shards with both images' bytes", async () => {
    const dir = path.join(out, "wds");
    const r = await exportCli([
      "--name",
      "wds",
      "--format",
      "pick-a-pic",
      "--webdataset",
      "--split",
      "1,0,0",
      "--out",
      dir,
    ]);
    expect(r.code).toBe(0);
    const entries = await untar(fs.readFileSync(path.join(dir, "train", "train-000000.tar")));
    const records = [...entries].filter(([name]) => name.endsWith(".json"));
    expect(records).toHaveLength(6);
    const parquet = await parquetReadObjects({
      file: await asyncBufferFromFile(path.join(out, "pap-1", "train.parquet")),
    });
    for (const [name, bytes] of records) {
      const sample = JSON.parse(bytes.toString("utf8"));
      const same = parquet.find((p) => p.ranking_id === sample.ranking_id)!;
      expect([sample.label_0, sample.label_1]).toEqual([same.label_0, same.label_1]);
      const key = name.slice(0, -".json".length);
      const image0 = entries.get(`${key}.0.png`)!;
      expect(crypto.createHash("sha256").update(image0).digest("hex")).toBe(sample.image_0_uid);
    }
    // The images travel inside the shards, so none are listed beside them.
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([
      "README.md",
      "SHA256SUMS",
      "train/train-000000.tar",
    ]);
    expect(manifest.images).toEqual({ count: 0, bytes: 0 });
  });

  it("writes DPO JSON lines without ties, and HPDv2 per-item majorities", async () => {
    const dpoDir = path.join(out, "dpo");
    await exportCli(["--name", "dpo", "--format", "dpo", "--split", "1,0,0", "--out", dpoDir]);
    const lines = fs
      .readFileSync(path.join(dpoDir, "train.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.chosen_model === "red" && l.rejected_model === "blue")).toBe(true);
    // Hidden names number the studies' models in name order: blue is model-1, red model-2.
    const hiddenDir = path.join(out, "dpo-hidden");
    await exportCli([
      "--name",
      "dpo-hidden",
      "--format",
      "dpo",
      "--split",
      "1,0,0",
      "--hide-model-names",
      "--out",
      hiddenDir,
    ]);
    const hidden = fs
      .readFileSync(path.join(hiddenDir, "train.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(hidden.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    expect(hidden.every((l) => l.chosen_model === "model-2" && l.rejected_model === "model-1")).toBe(true);

    const hpdDir = path.join(out, "hpd");
    const r = await exportCli([
      "--name",
      "hpd",
      "--format",
      "hpdv2",
      "--majority",
      "--drop-ties",
      "--split",
      "1,0,0",
      "--hide-model-names",
      "--out",
      hpdDir,
    ]);
    expect(r.code).toBe(0);
    const train = JSON.parse(fs.readFileSync(path.join(hpdDir, "train.json"), "utf8"));
    // p1 and p2: both raters chose red; p4 split red/tie, a tie, dropped.
    expect(train).toHaveLength(2);
    for (const item of train) {
      const preferred = item.file_path[item.human_preference.indexOf(1)];
      expect(fs.existsSync(path.join(hpdDir, preferred))).toBe(true);
      expect(item.user_hash.split(",")).toHaveLength(2);
    }
  });

  it("writes PRDP reward differences from an evaluation run's rewards, leaving out unscored pairs", async () => {
    // A finished run that gave red outputs 3 and blue outputs 1.5, except p4's blue output.
    const project = await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } });
    const run = await app.db.evaluationRun.create({
      data: {
        projectId: project.id,
        scope: "study",
        scopeId: studyId,
        config: { metrics: [{ metric: "reward", model: "fake", key: "reward:fake" }] },
        total: 8,
        chunkSize: 8,
        chunkCount: 1,
        status: "done",
      },
    });
    const outputs = await app.db.output.findMany({ include: { model: true, prompt: true } });
    await app.db.metricValue.createMany({
      data: outputs
        .filter((o) => !(o.model.name === "blue" && o.prompt.externalId === "p4"))
        .map((o) => ({
          runId: run.id,
          metric: "reward:fake",
          outputId: o.id,
          value: o.model.name === "red" ? 3 : 1.5,
        })),
    });
    const dir = path.join(out, "prdp");
    const args = [
      "--name",
      "prdp",
      "--format",
      "reward-difference",
      "--split",
      "1,0,0",
      "--reward-run",
      run.id,
    ];
    const wrong = await exportCli([...args, "--reward-metric", "aesthetic:x"]);
    expect(wrong.output).toContain('The evaluation run has no "aesthetic:x" values.');
    const r = await exportCli([...args, "--reward-metric", "reward:fake", "--out", dir]);
    expect(r.code).toBe(0);
    const lines = fs
      .readFileSync(path.join(dir, "train.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // p1 and p2, two raters each; p4's two rows have an unscored output.
    expect(lines).toHaveLength(4);
    for (const l of lines) {
      expect(l.reward_difference).toBe(l.reward_0 - l.reward_1);
      expect(Math.abs(l.reward_difference)).toBe(1.5);
      // The red image has the higher reward, and the raters preferred it.
      const redFirst = l.model_0 === "red";
      expect(l.reward_difference > 0).toBe(redFirst);
      expect(l.human_preference).toEqual(redFirst ? [1, 0] : [0, 1]);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.excluded.unscored).toBe(2);
    // Rewards belong to the reward-difference layout only.
    const refused = await exportCli([
      "--name",
      "x",
      "--format",
      "dpo",
      "--reward-run",
      run.id,
      "--reward-metric",
      "reward:fake",
    ]);
    expect(refused.output).toContain(
      "the reward-difference layout needs reward: {runId, metric}, and only it takes one",
    );
  });

  it("is made, built by a worker, downloaded as a tar and deleted through /api/v1 and the Datasets page", async () => {
    const key = (
      await owner.client.apiKeys.create.mutate({ projectSlug, name: "trainer", role: "researcher" })
    ).key;
    const rater = (await owner.client.apiKeys.create.mutate({ projectSlug, name: "r", role: "rater" })).key;
    const body = JSON.stringify({
      name: "via-rest",
      studyIds: [studyId],
      format: "imagereward",
      raterSalt: SALT,
    });
    const post = (k: string) =>
      app.rest(`/projects/${projectSlug}/exports`, {
        method: "POST",
        key: k,
        headers: { "content-type": "application/json" },
        body,
      });
    expect((await post(rater)).status).toBe(403);
    const created = await post(key);
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };

    worker = await startWorker({
      databaseUrl: app.databaseUrl,
      dataDir: app.dataDir,
      concurrency: 1,
      pollIntervalMs: 200,
      secret: app.runtime.secret,
      log: () => undefined,
    });
    let status = "building";
    for (let t0 = Date.now(); status === "building";) {
      if (Date.now() - t0 > 30_000) throw new Error("the export was not built");
      await new Promise((r) => setTimeout(r, 200));
      status = (
        (await (await app.rest(`/projects/${projectSlug}/exports/${id}`, { key })).json()) as {
          status: string;
        }
      ).status;
    }
    expect(status).toBe("ready");
    // The list says how far the build read: all of the studies' judgments.
    const listed = (
      (await (await app.rest(`/projects/${projectSlug}/exports`, { key })).json()) as {
        exports: { id: string; judgmentsRead: number; judgmentsTotal: number }[];
      }
    ).exports.find((e) => e.id === id)!;
    const judgmentCount = await app.db.judgment.count({ where: { studyId } });
    expect(listed).toMatchObject({ judgmentsRead: judgmentCount, judgmentsTotal: judgmentCount });

    // The archive holds the manifest, every file SHA256SUMS lists (images included) with the
    // sha256 it lists, and SHA256SUMS itself with the sha256 the manifest gives it.
    const archive = await app.rest(`/projects/${projectSlug}/exports/${id}/archive`, { key });
    expect(archive.headers.get("content-disposition")).toBe('attachment; filename="via-rest-v1.tar"');
    const entries = await untar(Buffer.from(await archive.arrayBuffer()));
    const manifest = JSON.parse(entries.get("via-rest-v1/manifest.json")!.toString("utf8"));
    const hash = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");
    const sumsFile = entries.get("via-rest-v1/SHA256SUMS")!;
    expect(hash(sumsFile)).toBe(manifest.files.find((f: { path: string }) => f.path === "SHA256SUMS").sha256);
    const sums = sumsFile
      .toString("utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("  ") as [string, string]);
    expect(sums.filter(([, p]) => p.startsWith("images/"))).toHaveLength(manifest.images.count);
    expect(manifest.images.count).toBeGreaterThan(0);
    expect([...entries.keys()].sort()).toEqual(
      ["manifest.json", "SHA256SUMS", ...sums.map(([, p]) => p)].map((p) => `via-rest-v1/${p}`).sort(),
    );
    for (const [sha, p] of sums) expect(hash(entries.get(`via-rest-v1/${p}`)!)).toBe(sha);
    // ImageReward: per prompt, the two images ranked; the red one first on p1.
    const rows = JSON.parse(entries.get("via-rest-v1/train.json")?.toString("utf8") ?? "[]").concat(
      ...["validation", "test"].map((s) =>
        JSON.parse(entries.get(`via-rest-v1/${s}.json`)?.toString("utf8") ?? "[]"),
      ),
    );
    const p1 = rows.find((r: { prompt: string }) => r.prompt.startsWith("prompt 1,"));
    expect(p1.ranking[p1.models.indexOf("red")]).toBe(1);
    expect(p1.ranking[p1.models.indexOf("blue")]).toBe(2);

    // The Datasets page's download: the signed-in member gets the same archive; others do not.
    const page = await handleSessionExportDownload(
      app.runtime,
      new Request(`http://localhost/api/exports/${projectSlug}/${id}`, { headers: { cookie: owner.cookie } }),
      projectSlug,
      id,
    );
    expect(
      Buffer.from(await page.arrayBuffer()).equals(
        Buffer.from(
          await (await app.rest(`/projects/${projectSlug}/exports/${id}/archive`, { key })).arrayBuffer(),
        ),
      ),
    ).toBe(true);
    const stranger = await app.userWithSession("stranger-prefs@example.test");
    const refused = await handleSessionExportDownload(
      app.runtime,
      new Request(`http://localhost/api/exports/${projectSlug}/${id}`, {
        headers: { cookie: stranger.cookie },
      }),
      projectSlug,
      id,
    );
    expect(refused.status).toBe(404);

    expect((await app.rest(`/projects/${projectSlug}/exports/${id}`, { method: "DELETE", key })).status).toBe(
      200,
    );
    const list = (await (await app.rest(`/projects/${projectSlug}/exports`, { key })).json()) as {
      exports: { id: string }[];
    };
    expect(list.exports.map((e) => e.id)).not.toContain(id);
  });

  it("refuses a study without judgments, and fails on missing media unless told to skip it", async () => {
    const project = await app.db.project.findUniqueOrThrow({ where: { slug: projectSlug } });
    const empty = await app.db.study.create({
      data: {
        projectId: project.id,
        name: "empty",
        kind: "pairwise",
        status: "active",
        config: (await app.db.study.findUniqueOrThrow({ where: { id: studyId } })).config as object,
      },
    });
    const none = await runLoupeToEnd(
      ["export", "create", "--project", projectSlug, "--study", empty.id, "--name", "x", "--format", "dpo"],
      env,
    );
    expect(none.code).not.toBe(0);
    expect(none.output).toContain("The studies have no judgments yet: nothing to export.");

    // The p2 blue image disappears from storage.
    const p2 = await app.db.output.findFirstOrThrow({
      where: { prompt: { externalId: "p2" }, model: { name: "blue" } },
      include: { asset: true },
    });
    fs.rmSync(app.runtime.storage.localPath!(p2.asset.sha256));
    const failed = await exportCli(["--name", "gaps", "--format", "dpo", "--split", "1,0,0"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain(`1 outputs' media files are missing from storage (${p2.id})`);
    const skipped = await exportCli([
      "--name",
      "gaps",
      "--format",
      "dpo",
      "--split",
      "1,0,0",
      "--skip-missing-media",
      "--out",
      path.join(out, "gaps"),
    ]);
    expect(skipped.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "gaps", "manifest.json"), "utf8"));
    expect(manifest.skippedMissingMedia).toEqual([p2.id]);
    expect(manifest.counts.rows).toBe(4);
    const list = await runLoupeToEnd(["export", "list", "--project", projectSlug], env);
    expect(list.output).toMatch(/gaps v1 {2}dpo {2}failed: 1 outputs' media files are missing/);
    expect(list.output).toMatch(/gaps v2 {2}dpo {2}ready/);
  });
});
