/** `loupe import outputs`, run as a user runs it: a folder, a manifest, and a CSV with a wrong column. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestMedia } from "@loupe/media/testing";
import { createTestDatabase } from "./setup/database";
import { killAllLoupes, runLoupeToEnd } from "./support/loupe-process";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let work: string;
let env: Record<string, string>;

const put = (rel: string, bytes: Buffer | string) => {
  const file = path.join(work, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
};
const png = (color: string) =>
  sharp({ create: { width: 24, height: 24, channels: 3, background: color } })
    .png()
    .toBuffer();

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cli-import-"));
  work = path.join(dataDir, "work");
  env = { DATABASE_URL: database.url, LOUPE_DATA_DIR: dataDir };
  const project = await database.db.project.create({ data: { slug: "cli", name: "CLI" } });
  await database.db.genModel.create({ data: { projectId: project.id, name: "sdxl" } });
  const set = await database.db.promptSet.create({ data: { projectId: project.id, name: "bench" } });
  await database.db.prompt.createMany({
    data: ["a red cube", "a dog running"].map((text, i) => ({
      promptSetId: set.id,
      externalId: `p${i + 1}`,
      position: i,
      text,
    })),
  });
  put("run/sdxl/p1.png", await png("#c00"));
  put("run/sdxl/p2_3.mp4", await makeTestMedia({ kind: "mp4", seconds: 1 }));
  put("run/flux/p1.wav", await makeTestMedia({ kind: "wav", seconds: 1 }));
  put("run/sdxl/p9.png", await png("#0c0"));
});
afterAll(async () => {
  killAllLoupes();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("loupe import outputs", () => {
  it("imports a folder, lists each bad row by line, and exits 1 when any row failed", async () => {
    const r = await runLoupeToEnd(
      ["import", "outputs", path.join(work, "run"), "--project", "cli", "--prompt-set", "bench"],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.output).toContain(
      'line 1: error: flux/p1.wav: unknown model "flux"; register it in Models first (or import with createModels)',
    );
    expect(r.output).toContain('line 4: error: sdxl/p9.png: no prompt with id "p9" in "bench"');
    expect(r.output).toContain('4 rows into "bench": 2 imported, 0 duplicate, 2 error');
    expect(r.output).toContain("loupe: 2 of 4 rows had errors");
    const outputs = await database.db.output.findMany({ include: { asset: true, prompt: true } });
    expect(outputs.map((o) => [o.prompt.externalId, o.seed, o.asset.kind]).sort()).toEqual([
      ["p1", 0n, "image"],
      ["p2", 3n, "video"],
    ]);
    // The media went into the data directory's content-addressed store.
    const video = outputs.find((o) => o.asset.kind === "video")!.asset;
    const stored = path.join(
      dataDir,
      "media",
      video.sha256.slice(0, 2),
      video.sha256.slice(2, 4),
      video.sha256,
    );
    expect(fs.existsSync(stored)).toBe(true);
  });

  it("a manifest with --create-models registers the new model; rows already there are duplicates", async () => {
    const manifest = put(
      "manifest.jsonl",
      [
        { model: "flux", prompt_id: "p1", file: "run/flux/p1.wav" },
        { model: "sdxl", prompt: "a red cube", file: path.join(work, "run/sdxl/p1.png") },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    const reportFile = path.join(work, "report.json");
    const r = await runLoupeToEnd(
      [
        ...["import", "outputs", manifest, "--project", "cli", "--prompt-set", "bench"],
        ...["--create-models", "--report", reportFile],
      ],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.output).toContain(
      "line 2: duplicate: " + path.join(work, "run/sdxl/p1.png") + ": already imported",
    );
    expect(r.output).toContain("registered models: flux");
    expect(r.output).toContain('2 rows into "bench": 1 imported, 1 duplicate, 0 error');
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
    expect(report.rows.map((x: { status: string }) => x.status)).toEqual(["imported", "duplicate"]);
    expect(report.rows[0].kind).toBe("audio");
  });

  it("stops at a CSV header with an unknown column, with one line", async () => {
    const csv = put("bad.csv", "model,prompt_id,file,colour\nsdxl,p1,x.png,red\n");
    const r = await runLoupeToEnd(
      ["import", "outputs", csv, "--project", "cli", "--prompt-set", "bench"],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.output.trim()).toMatch(/^loupe: unknown column "colour" in the CSV header \(expected model, /);
  });
});
