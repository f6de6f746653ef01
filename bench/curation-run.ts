/**
 * A whole curation run, as the worker runs it: plan, every shard, finish — on an embedded
 * PostgreSQL with local media storage, over corpora of 5,000 and then 20,000 small JPEGs (96 px,
 * photo-like colour fields; a tenth of them re-encoded copies of others), in shards of 1,000, with the image stages and
 * near-duplicate removal. Reports each run's time and items/s, and the process's peak RSS after
 * each: memory is bounded by the shard size, not by the corpus, when the second, four times
 * larger run does not raise the peak much.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createRuntime } from "@loupe/api";
import { createCurationRun, finishCurationRun, planCurationRun, runCurationShard } from "@loupe/api/curation";
import { startEmbeddedPostgres } from "@loupe/db/embedded";
import { migrate } from "@loupe/db/migrate";
import { migrateJobQueue } from "@loupe/worker";

const root = path.resolve(import.meta.dirname, "..");
const PG_PORT = 55495;
const SIDE = 96;
const SHARD_SIZE = 1000;

/** Distinct photo-like images (a random 4×4 colour field, smoothly upscaled, with grain), and copies. */
async function writeCorpus(dir: string, items: number) {
  fs.mkdirSync(dir, { recursive: true });
  let s = items;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s >> 23;
  };
  const originals: Buffer[] = [];
  for (let i = 0; i < items; i++) {
    let bytes: Buffer;
    if (i % 10 === 9 && originals.length)
      bytes = await sharp(originals[i % originals.length]!)
        .jpeg({ quality: 70 })
        .toBuffer();
    else {
      const grid = Buffer.alloc(4 * 4 * 3);
      for (let k = 0; k < grid.length; k++) grid[k] = next();
      const smooth = await sharp(grid, { raw: { width: 4, height: 4, channels: 3 } })
        .resize(SIDE, SIDE, { kernel: "cubic" })
        .raw()
        .toBuffer();
      for (let k = 0; k < smooth.length; k++)
        smooth[k] = Math.max(0, Math.min(255, smooth[k]! + (next() % 21) - 10));
      bytes = await sharp(smooth, { raw: { width: SIDE, height: SIDE, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer();
      if (originals.length < 500) originals.push(bytes);
    }
    fs.writeFileSync(path.join(dir, `${String(i).padStart(6, "0")}.jpg`), bytes);
  }
}

const peakMb = () => process.resourceUsage().maxRSS / 1024;

export async function benchCurationRun() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-curation-run-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: PG_PORT });
  const lines: string[] = [];
  try {
    await migrate(pg.url, path.join(root, "prisma/migrations"));
    await migrateJobQueue(pg.url);
    const runtime = createRuntime({
      databaseUrl: pg.url,
      secret: crypto.randomBytes(32).toString("hex"),
      baseUrl: "http://bench",
      dataDir: dir,
    });
    const project = await runtime.db.project.create({ data: { slug: "bench", name: "Bench" } });
    for (const items of [5_000, 20_000]) {
      const corpus = path.join(dir, `corpus-${items}`);
      await writeCorpus(corpus, items);
      const start = performance.now();
      const run = await createCurationRun(
        runtime.db,
        project.id,
        {
          name: `bench ${items}`,
          source: { kind: "folder", root: corpus },
          stages: [
            { stage: "metadata" },
            { stage: "resolution", minShortSide: 64 },
            { stage: "decode" },
            { stage: "exposure" },
            { stage: "blur", minSharpness: 10 },
            { stage: "phash" },
          ],
          dedup: { hash: "phash", maxDistance: 6 },
          shardSize: SHARD_SIZE,
        },
        { roots: null },
      );
      await planCurationRun(runtime, run.id);
      const shards = await runtime.db.curationShard.findMany({
        where: { runId: run.id },
        select: { index: true },
      });
      for (const s of shards) await runCurationShard(runtime, { runId: run.id, shard: s.index });
      await finishCurationRun(runtime, run.id);
      const seconds = (performance.now() - start) / 1000;
      const done = await runtime.db.curationRun.findUniqueOrThrow({ where: { id: run.id } });
      const kept = (done.summary as { kept: number } | null)?.kept;
      lines.push(
        `${items} items in ${shards.length} shards: ${seconds.toFixed(1)} s (${(items / seconds).toFixed(0)} items/s), ` +
          `${kept} kept, status ${done.status}; peak RSS so far ${peakMb().toFixed(0)} MB`,
      );
      fs.rmSync(corpus, { recursive: true, force: true });
    }
    await runtime.db.$disconnect();
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { name: "curation run", summary: lines.join("; ") };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchCurationRun()).summary);
