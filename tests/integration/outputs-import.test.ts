/** importOutputs on a real database: every kind of bad row, video and audio, and idempotent re-import. */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importOutputs,
  parseOutputManifest,
  rowsFromFolderPaths,
  type OutputImportReport,
} from "@loupe/api/output-import";
import { makeTestMedia } from "@loupe/media/testing";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let projectId: string;
let dir: string;

const png = (color: string, size = 32) =>
  sharp({ create: { width: size, height: size, channels: 3, background: color } })
    .png()
    .toBuffer();

/** Random pixels compress badly: a PNG of a few hundred KB. */
const noisePng = () =>
  sharp(Buffer.from(Array.from({ length: 300 * 300 * 3 }, () => Math.floor(Math.random() * 256))), {
    raw: { width: 300, height: 300, channels: 3 },
  })
    .png()
    .toBuffer();

const readFromDir = async (file: string) => {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? { path: full } : null;
};

function run(lines: object[], opts: { createModels?: boolean } = {}): Promise<OutputImportReport> {
  const parsed = parseOutputManifest(lines.map((l) => JSON.stringify(l)).join("\n"), { filename: "m.jsonl" });
  return importOutputs(app.runtime, projectId, {
    promptSet: "bench",
    rows: parsed.rows,
    parseErrors: parsed.errors,
    readFile: readFromDir,
    limits: { maxBytes: 150_000, maxDurationSeconds: 5 },
    ...opts,
  });
}

const storedFileCount = () =>
  fs.existsSync(path.join(app.dataDir, "media"))
    ? fs
        .readdirSync(path.join(app.dataDir, "media"), { recursive: true })
        .filter((f) => /[0-9a-f]{64}$/.test(String(f))).length
    : 0;

beforeAll(async () => {
  app = await createTestApp();
  const project = await app.db.project.create({ data: { slug: "imp", name: "Import" } });
  projectId = project.id;
  await app.db.genModel.create({ data: { projectId, name: "sdxl" } });
  const set = await app.db.promptSet.create({ data: { projectId, name: "bench" } });
  await app.db.prompt.createMany({
    data: ["a red cube", "a dog running", "a bell ringing", "a blue sphere", "twins", "twins"].map(
      (text, i) => ({
        promptSetId: set.id,
        externalId: `p${i + 1}`,
        position: i,
        text,
      }),
    ),
  });
  dir = path.join(app.dataDir, "incoming");
  fs.mkdirSync(dir);
  const mp4 = await makeTestMedia({ kind: "mp4", seconds: 1, width: 80, height: 48, audio: true });
  const files: Record<string, Buffer> = {
    "cube.png": await png("#c00"),
    "dog.mp4": mp4,
    "bell.wav": await makeTestMedia({ kind: "wav", seconds: 1 }),
    "corrupt.png": Buffer.from("this was supposed to be a png"),
    "truncated.mp4": mp4.subarray(0, Math.floor(mp4.length * 0.6)),
    "big.png": await noisePng(),
    "long.mp3": await makeTestMedia({ kind: "mp3", seconds: 6 }),
    "sphere.png": await png("#00c"),
  };
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
});
afterAll(() => app?.close());

describe("importOutputs", () => {
  let first: OutputImportReport;

  it("imports the good rows and gives every bad row its line, status and reason", async () => {
    first = await run([
      { model: "sdxl", prompt_id: "p1", file: "cube.png", seed: 1 }, // 1
      { model: "sdxl", prompt_id: "p2", file: "dog.mp4", params: { fps: 10 } }, // 2
      { model: "sdxl", prompt: "a bell ringing", file: "bell.wav", latency_ms: 900 }, // 3
      { model: "dalle-9", prompt_id: "p1", file: "cube.png" }, // 4
      { model: "sdxl", prompt_id: "p4", file: "gone.png" }, // 5
      { model: "sdxl", prompt_id: "p1", file: "cube.png", seed: 1 }, // 6
      { model: "sdxl", prompt_id: "p4", file: "corrupt.png" }, // 7
      { model: "sdxl", prompt_id: "p4", file: "truncated.mp4", seed: 2 }, // 8
      { model: "sdxl", prompt_id: "p4", file: "big.png", seed: 3 }, // 9
      { model: "sdxl", prompt_id: "p4", file: "long.mp3", seed: 4 }, // 10
      { model: "sdxl", prompt_id: "p4", file: "sphere.png", seed: "x" }, // 11
      { model: "sdxl", prompt_id: "p404", file: "sphere.png" }, // 12
      { model: "sdxl", prompt: "twins", file: "sphere.png" }, // 13
      { model: "sdxl", prompt_id: "p4", file: "sphere.png", colour: "blue" }, // 14
    ]);
    const byLine = (line: number) => first.rows.find((r) => r.line === line)!;
    expect(first.rows.map((r) => [r.line, r.status, r.code ?? null])).toEqual([
      [1, "imported", null],
      [2, "imported", null],
      [3, "imported", null],
      [4, "error", "unknown_model"],
      [5, "error", "missing_file"],
      [6, "duplicate", null],
      [7, "error", "rejected_media"],
      [8, "error", "rejected_media"],
      [9, "error", "rejected_media"],
      [10, "error", "rejected_media"],
      [11, "error", "invalid_row"],
      [12, "error", "unknown_prompt"],
      [13, "error", "unknown_prompt"],
      [14, "error", "invalid_row"],
    ]);
    expect(byLine(2).kind).toBe("video");
    expect(byLine(3).kind).toBe("audio");
    expect(byLine(4).reason).toMatch(/^unknown model "dalle-9"; register it/);
    expect(byLine(5).reason).toBe("file not found: gone.png");
    expect(byLine(6).reason).toBe("same model, prompt, seed and params as line 1");
    expect(byLine(7).reason).toMatch(
      /^the file was rejected: it is not a readable image, video or audio file/,
    );
    expect(byLine(8).reason).toMatch(/^the file was rejected: it is truncated or damaged/);
    expect(byLine(9).reason).toMatch(/^the file was rejected: it is \d+ KB, over the 147 KB limit$/);
    expect(byLine(10).reason).toBe("the file was rejected: it is 6 s long, over the 5 s limit");
    expect(byLine(11).reason).toBe('seed: must be a whole number (got "x")');
    expect(byLine(12).reason).toBe('no prompt with id "p404" in "bench"');
    expect(byLine(13).reason).toMatch(/2 prompts in "bench" have exactly that text; give prompt_id/);
    expect(byLine(14).reason).toMatch(/^unknown field "colour"/);
    expect(first.totals).toEqual({ rows: 14, imported: 3, duplicate: 1, error: 10 });
    expect(first.createdModels).toEqual([]);
  });

  it("wrote exactly the imported outputs, with their video and audio facts, and stored no rejected file", async () => {
    const outputs = await app.db.output.findMany({
      include: { asset: true, prompt: true },
      orderBy: { createdAt: "asc" },
    });
    expect(outputs.map((o) => [o.prompt.externalId, o.seed])).toEqual([
      ["p1", 1n],
      ["p2", 0n],
      ["p3", 0n],
    ]);
    const [image, video, audio] = outputs.map((o) => o.asset);
    expect(image).toMatchObject({ kind: "image", mime: "image/png", width: 32, height: 32 });
    expect(video).toMatchObject({ kind: "video", mime: "video/mp4", width: 80, height: 48, fps: 10 });
    expect(video!.durationSeconds).toBeCloseTo(1, 1);
    expect(video!.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(audio).toMatchObject({ kind: "audio", mime: "audio/wav", thumbnailSha256: null });
    expect(outputs[1]!.params).toEqual({ fps: 10 });
    expect(outputs[2]!.latencyMs).toBe(900);
    expect(await app.db.genModel.count({ where: { projectId } })).toBe(1);
    // Three originals and two thumbnails (image, poster); nothing from the rejected files.
    expect(storedFileCount()).toBe(5);
    expect(await app.db.asset.count()).toBe(3);
  });

  it("re-importing the same rows reports every one as a duplicate and writes nothing", async () => {
    const good = [
      { model: "sdxl", prompt_id: "p1", file: "cube.png", seed: 1 },
      { model: "sdxl", prompt_id: "p2", file: "dog.mp4", params: { fps: 10 } },
      { model: "sdxl", prompt: "a bell ringing", file: "bell.wav", latency_ms: 900 },
    ];
    const again = await run(good);
    expect(again.rows.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(again.rows.every((r) => r.sameFile === true && r.reason === "already imported")).toBe(true);
    expect(again.rows.map((r) => r.outputId)).toEqual(first.rows.slice(0, 3).map((r) => r.outputId));
    expect(await app.db.output.count()).toBe(3);

    const changed = await run([{ model: "sdxl", prompt_id: "p1", file: "sphere.png", seed: 1 }]);
    expect(changed.rows[0]).toMatchObject({
      status: "duplicate",
      sameFile: false,
      reason: "already imported with a different file (the first one is kept)",
    });
  });

  it("registers unknown models only when asked to", async () => {
    const r = await run([{ model: "flux", prompt_id: "p4", file: "sphere.png" }], { createModels: true });
    expect(r.rows[0]).toMatchObject({ status: "imported", kind: "image" });
    expect(r.createdModels).toEqual(["flux"]);
    expect(await app.db.genModel.findFirst({ where: { projectId, name: "flux" } })).not.toBeNull();
  });

  it("reads folder names: <prompt_id>_<seed>, unless the whole name is a prompt id", async () => {
    const set = await app.db.promptSet.findFirstOrThrow({ where: { projectId, name: "bench" } });
    await app.db.prompt.create({
      data: { promptSetId: set.id, externalId: "shot_1", position: 9, text: "a shot" },
    });
    fs.mkdirSync(path.join(dir, "sdxl"));
    fs.writeFileSync(path.join(dir, "sdxl", "shot_1.png"), await png("#123"));
    fs.writeFileSync(path.join(dir, "sdxl", "p4_8.png"), await png("#456"));
    const folder = rowsFromFolderPaths(["sdxl/shot_1.png", "sdxl/p4_8.png"]);
    const r = await importOutputs(app.runtime, projectId, {
      promptSet: "bench",
      rows: folder.rows,
      readFile: readFromDir,
    });
    expect(r.rows.map((x) => x.status)).toEqual(["imported", "imported"]);
    const made = await app.db.output.findMany({
      where: { id: { in: r.rows.map((x) => x.outputId!) } },
      include: { prompt: true },
    });
    expect(made.map((o) => [o.prompt.externalId, o.seed]).sort()).toEqual([
      ["p4", 8n],
      ["shot_1", 0n],
    ]);
  });

  it("refuses an unknown prompt set as a whole", async () => {
    await expect(
      importOutputs(app.runtime, projectId, { promptSet: "nope", rows: [], readFile: readFromDir }),
    ).rejects.toThrow('no prompt set named "nope" in this project');
  });
});
