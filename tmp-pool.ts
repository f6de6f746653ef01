import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parsePipeline, decideShard } from "./curation/src/index";
import { DecisionPool } from "./curation/src/run/decision-pool";
import { openSource } from "./curation/src/sources/index";
const W = 1280, H = 960;
async function photoLike(seed: number): Promise<Buffer> {
  let s = seed; const next = () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s >> 23; };
  const grid = Buffer.alloc(12 * 9 * 3); for (let i = 0; i < grid.length; i++) grid[i] = next();
  const grain = Buffer.alloc(W * H * 3); for (let i = 0; i < grain.length; i++) grain[i] = 116 + (next() % 25);
  const smooth = await sharp(grid, { raw: { width: 12, height: 9, channels: 3 } }).resize(W, H, { kernel: "cubic" }).raw().toBuffer();
  return sharp(smooth, { raw: { width: W, height: H, channels: 3 } }).composite([{ input: grain, raw: { width: W, height: H, channels: 3 }, blend: "soft-light" }]).jpeg({ quality: 88 }).toBuffer();
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tp-"));
for (let i = 0; i < 160; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(4, "0")}.jpg`), await photoLike(i + 1));
const pipeline = parsePipeline({ name: "b", source: { kind: "folder", root: dir }, stages: [{ stage: "metadata" }, { stage: "resolution", minShortSide: 256 }, { stage: "decode" }, { stage: "blur", minSharpness: 5 }, { stage: "exposure" }, { stage: "phash", algorithms: ["phash", "dhash"] }] });
const items = []; for await (const i of await openSource(pipeline.definition.source)) items.push(i);
const files = items.map((i) => (i.locator as { path: string }).path);
let t = performance.now(); let next = 0;
await Promise.all([0, 1].map(async () => { while (next < files.length) await sharp(files[next++]!).raw().toBuffer(); }));
const plain = files.length / ((performance.now() - t) / 1000);
t = performance.now(); await decideShard(items, pipeline, { concurrency: 2 }); const inproc = items.length / ((performance.now() - t) / 1000);
for (const threads of [2, 3]) for (const inflight of [2, 4]) {
const pool = new DecisionPool(pipeline.definition, new Map(), threads);
await Promise.all(items.slice(0, 8).map((i) => pool.decide(i)));
t = performance.now(); next = 0;
await Promise.all(Array.from({ length: inflight }, async () => { while (next < items.length) await pool.decide(items[next++]!); }));
const pooled = items.length / ((performance.now() - t) / 1000);
await pool.close();
console.log({ threads, inflight, pooled: pooled.toFixed(1), ratio: (pooled / plain).toFixed(2) });
}
console.log({ plain: plain.toFixed(1), inproc: inproc.toFixed(1), ratio: (inproc / plain).toFixed(2) });
fs.rmSync(dir, { recursive: true });
