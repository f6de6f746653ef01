/**
 * Curation image throughput: the cheap image stages (metadata, resolution, decode, blur,
 * exposure, pHash and dHash) over 240 photo-like JPEGs of 1280×960 (smooth colour fields with grain), against sharp's plain decode of
 * the same files (`sharp(file).raw().toBuffer()`), both with as many images in flight as cores.
 * The issue's target: the pipeline at ≥ 0.7 of the plain decode's images/s, as the median of rounds that
 * alternate the two.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { decideItem, parsePipeline } from "@loupe/curation";
import { decideShardOnThreads } from "@loupe/curation/threads";
import { openSource, type SourceItem } from "@loupe/curation/sources";
import {
  blurStage,
  configure,
  decodeStage,
  exposureStage,
  metadataStage,
  perceptualHashStage,
  resolutionStage,
} from "@loupe/curation/stages";

const IMAGES = 240;
const WIDTH = 1280;
const HEIGHT = 960;
const ROUNDS = 5;

async function photoLike(seed: number): Promise<Buffer> {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s >> 23;
  };
  const grid = Buffer.alloc(12 * 9 * 3);
  for (let i = 0; i < grid.length; i++) grid[i] = next();
  // Sensor-like grain, ±12 levels around mid-grey: texture for the blur measure without the
  // entropy of pure noise (which no photo has, and which JPEG decoding would be all about).
  const grain = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 116 + (next() % 25);
  const smooth = await sharp(grid, { raw: { width: 12, height: 9, channels: 3 } })
    .resize(WIDTH, HEIGHT, { kernel: "cubic" })
    .raw()
    .toBuffer();
  return sharp(smooth, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .composite([{ input: grain, raw: { width: WIDTH, height: HEIGHT, channels: 3 }, blend: "soft-light" }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Runs `work` over every item with `limit` in flight; returns the seconds it took. */
async function timed<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>) {
  return (await measured(() => inFlight(items, limit, work))).seconds;
}

async function inFlight<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Wall-clock seconds, and the CPU seconds of every thread of this process (libvips's and the
 * decision threads' included). Time the virtual machine's host takes away counts in the first
 * only, so the CPU ratio is the steadier estimate of what the cores allow.
 */
async function measured(run: () => Promise<unknown>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

export async function benchCurationImages() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-bench-curation-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < IMAGES; i++) {
      const file = path.join(dir, `${String(i).padStart(4, "0")}.jpg`);
      fs.writeFileSync(file, await photoLike(i + 1));
      files.push(file);
    }
    const stages = [
      configure(metadataStage, {}),
      configure(resolutionStage, { minShortSide: 256 }),
      configure(decodeStage, {}),
      configure(blurStage, { minSharpness: 5 }),
      configure(exposureStage, {}),
      configure(perceptualHashStage, { algorithms: ["phash", "dhash"] }),
    ];
    const limit = os.availableParallelism();
    // As a worker runs a shard: the same stages, items decided on worker threads.
    const pipeline = parsePipeline({
      name: "bench",
      source: { kind: "folder", root: dir },
      stages: [
        { stage: "metadata" },
        { stage: "resolution", minShortSide: 256 },
        { stage: "decode" },
        { stage: "blur", minSharpness: 5 },
        { stage: "exposure" },
        { stage: "phash", algorithms: ["phash", "dhash"] },
      ],
    });
    const items: SourceItem[] = [];
    for await (const item of await openSource(pipeline.definition.source)) items.push(item);
    const threads = limit;

    // One warm-up pass of the plain decode, so file caches and sharp's thread pool are equal for
    // both; the first shard of a run starts the decision threads, the next ones reuse them.
    await timed(files.slice(0, 20), limit, (f) => sharp(f).raw().toBuffer());
    const firstStart = performance.now();
    await decideShardOnThreads(items, pipeline, { threads });
    const firstSeconds = (performance.now() - firstStart) / 1000;

    // Rounds alternate the plain decode and the stages, so that a machine whose speed drifts
    // (a shared virtual machine's does, by ±10% over a minute) slows both alike; each round gives
    // its own ratios, and the median round is reported.
    let kept = 0;
    let firstReason = "";
    const rounds: { decode: number; oneThread: number; threaded: number; cpuRatio: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const decode = await measured(() => inFlight(files, limit, (f) => sharp(f).raw().toBuffer()));
      kept = 0;
      const oneThreadSeconds = await timed(files, limit, async (f) => {
        const d = await decideItem({ itemId: f, source: f, input: f, bytes: fs.statSync(f).size }, stages);
        if (d.status === "kept") kept++;
        else if (!firstReason) firstReason = `${d.firstFailingStage}: ${d.reason}`;
      });
      const threaded = await measured(() => decideShardOnThreads(items, pipeline, { threads }));
      rounds.push({
        decode: IMAGES / decode.seconds,
        oneThread: IMAGES / oneThreadSeconds,
        threaded: IMAGES / threaded.seconds,
        cpuRatio: decode.cpuSeconds / threaded.cpuSeconds,
      });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const oneThreadRatio = median(rounds.map((r) => r.oneThread / r.decode));
    const threadedRatio = median(rounds.map((r) => r.threaded / r.decode));
    const perRound = rounds.map((r) => (r.threaded / r.decode).toFixed(2)).join(", ");
    const cpuRatio = median(rounds.map((r) => r.cpuRatio));
    const summary =
      `${IMAGES} JPEGs ${WIDTH}×${HEIGHT}, ${limit} in flight, median of ${ROUNDS} rounds: sharp plain decode ${median(rounds.map((r) => r.decode)).toFixed(1)} images/s; ` +
      `curation stages in one thread ${median(rounds.map((r) => r.oneThread)).toFixed(1)} images/s (${kept} kept${firstReason ? `; e.g. ${firstReason}` : ""}) → ratio ${oneThreadRatio.toFixed(2)}; ` +
      `on ${threads} decision threads, as a worker runs a run's shards: ${median(rounds.map((r) => r.threaded)).toFixed(1)} images/s → ratio ${threadedRatio.toFixed(2)} (rounds: ${perRound}; by CPU time ${cpuRatio.toFixed(2)}) ` +
      `(the first shard, starting the threads: ${(IMAGES / firstSeconds).toFixed(1)} images/s) ` +
      `(target ≥ 0.7); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
    return { name: "curation images", summary };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchCurationImages()).summary);
