/**
 * Generation pipeline overhead: what Loupe itself costs per generated output, with a generator
 * that answers at once. A local HTTP server returns a distinct, pre-rendered 256×256 PNG per
 * prompt; one worker (2 chunks at a time, 8 calls per chunk) runs a job of 1,000 items in chunks
 * of 16 on an embedded PostgreSQL. Every output goes through the real path: HTTP call, decode
 * check, thumbnail, content-addressed store, the Output row, chunk bookkeeping.
 *
 * Reports outputs per second and the wall time per output; a real model's seconds per image add
 * to this, and more workers (or machines) divide it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createRuntime } from "@loupe/api";
import { createGenerationJob } from "@loupe/api/generation";
import { setModelAdapter } from "@loupe/api/models";
import { startEmbeddedPostgres } from "@loupe/db/embedded";
import { migrate } from "@loupe/db/migrate";
import { migrateJobQueue, startWorker } from "@loupe/worker";

const root = path.resolve(import.meta.dirname, "..");
const PG_PORT = 55494;
const ITEMS = 1000;

export async function benchGeneration() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-generation-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: PG_PORT });
  // Distinct images, rendered before the clock starts so the server costs nothing per call.
  const images = await Promise.all(
    Array.from({ length: ITEMS }, (_, i) =>
      sharp({
        create: { width: 256, height: 256, channels: 3, background: { r: i % 256, g: (i >> 8) * 60, b: 99 } },
      })
        .png()
        .toBuffer(),
    ),
  );
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      const { prompt } = JSON.parse(body) as { prompt: string };
      res.writeHead(200, { "content-type": "image/png" }).end(images[Number(prompt.split(" ")[1])]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/generate`;
  try {
    await migrate(pg.url, path.join(root, "prisma/migrations"));
    await migrateJobQueue(pg.url);
    const runtime = createRuntime({
      databaseUrl: pg.url,
      secret: crypto.randomBytes(32).toString("hex"),
      baseUrl: "http://bench",
      dataDir: dir,
    });
    const db = runtime.db;
    const project = await db.project.create({ data: { slug: "bench", name: "Bench" } });
    const set = await db.promptSet.create({ data: { projectId: project.id, name: "prompts" } });
    await db.prompt.createMany({
      data: Array.from({ length: ITEMS }, (_, i) => ({
        promptSetId: set.id,
        externalId: String(i),
        position: i,
        text: `prompt ${i}`,
      })),
    });
    const model = await db.genModel.create({ data: { projectId: project.id, name: "instant" } });
    await setModelAdapter(db, project.id, {
      modelId: model.id,
      adapter: { kind: "http", url, concurrency: 8 },
    });
    const worker = await startWorker({
      databaseUrl: pg.url,
      dataDir: dir,
      concurrency: 2,
      pollIntervalMs: 100,
      secret: runtime.secret,
      log: () => undefined,
    });
    const t0 = performance.now();
    const job = await createGenerationJob(db, project.id, { model: "instant", promptSet: "prompts" });
    for (;;) {
      const { status } = await db.generationJob.findUniqueOrThrow({ where: { id: job.id } });
      if (status === "done") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const made = await db.output.count({ where: { generationJobId: job.id } });
    await worker.stop();
    await db.$disconnect();
    return {
      name: `generation: ${ITEMS} items through the http adapter, one worker (2 chunks × 8 calls), instant generator`,
      summary:
        `${made} outputs in ${seconds.toFixed(1)} s: ${(made / seconds).toFixed(0)} outputs/s, ` +
        `${((seconds * 1000) / made).toFixed(1)} ms of wall time per output (call, decode check, thumbnail, store, row)`,
    };
  } finally {
    server.close();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchGeneration();
  console.log(`${r.name}: ${r.summary}`);
}
