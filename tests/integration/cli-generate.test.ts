/**
 * `loupe model adapter`, `loupe secret set` and `loupe generate --worker`, run as a user runs
 * them: a model whose outputs already exist as files (the import adapter), generated in one
 * command with a worker in the same process, bad and missing files listed with their reasons.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "./setup/database";
import { killAllLoupes, runLoupeToEnd } from "./support/loupe-process";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let env: Record<string, string>;
const png = (color: string) =>
  sharp({ create: { width: 20, height: 20, channels: 3, background: color } })
    .png()
    .toBuffer();

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cli-generate-"));
  env = {
    DATABASE_URL: database.url,
    LOUPE_DATA_DIR: dataDir,
    LOUPE_AUTH_SECRET: "cli-secret-cli-secret-cli-secret-0000",
  };
  const project = await database.db.project.create({ data: { slug: "cli", name: "CLI" } });
  await database.db.genModel.create({ data: { projectId: project.id, name: "sdxl-run-3" } });
  const set = await database.db.promptSet.create({ data: { projectId: project.id, name: "bench" } });
  await database.db.prompt.createMany({
    data: ["a red cube", "a dog running", "a broken file", "a missing file"].map((text, i) => ({
      promptSetId: set.id,
      externalId: `p${i + 1}`,
      position: i,
      text,
    })),
  });
  const folder = path.join(dataDir, "samples");
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, "p1.png"), await png("#c00"));
  fs.writeFileSync(path.join(folder, "p2_0.PNG"), await png("#0c0"));
  fs.writeFileSync(path.join(folder, "p3_0.png"), "not an image at all");
});
afterAll(async () => {
  killAllLoupes();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("sets an adapter, stores a secret from stdin, and generates with a progress report and the failures", async () => {
  const bad = await runLoupeToEnd(
    ["model", "adapter", "sdxl-run-3", "--project", "cli", "--config", '{"kind": "http", "url": "nope"}'],
    env,
  );
  expect(bad.code).toBe(1);
  expect(bad.output).toMatch(/url: an http:\/\/ or https:\/\/ URL/);

  const folder = path.join(dataDir, "samples");
  const set = await runLoupeToEnd(
    [
      "model",
      "adapter",
      "sdxl-run-3",
      "--project",
      "cli",
      "--config",
      JSON.stringify({ kind: "import", directory: folder }),
    ],
    env,
  );
  expect(set.output).toContain("sdxl-run-3: import adapter set");

  const secret = await runLoupeToEnd(["secret", "set", "hf-token", "--project", "cli"], env, "hf_abc123\n");
  expect(secret.code).toBe(0);
  const row = await database.db.secret.findFirstOrThrow({ where: { name: "hf-token" } });
  expect(row.ciphertext).not.toContain("hf_abc123");

  const run = await runLoupeToEnd(
    ["generate", "--project", "cli", "--model", "sdxl-run-3", "--prompt-set", "bench", "--worker"],
    env,
  );
  expect(run.code).toBe(1);
  expect(run.output).toMatch(/generation job \S+: 4 items in 1 chunks/);
  expect(run.output).toMatch(/failed: prompt p3, seed 0 .*: it is not a readable image/);
  expect(run.output).toMatch(/failed: prompt p4, seed 0 .*: no file for prompt p4, seed 0/);
  expect(run.output).toContain("finished: 2 of 4 outputs, 2 failed");
  const outputs = await database.db.output.findMany({ include: { prompt: true } });
  expect(outputs.map((o) => [o.prompt.externalId, o.adapter]).sort()).toEqual([
    ["p1", "import"],
    ["p2", "import"],
  ]);
});
