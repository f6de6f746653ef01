/**
 * `npm run bench`: runs every benchmark and prints its figures. Record them, with the machine,
 * in docs/benchmarks.md. Benchmarks measure; they never fail a build.
 */
import { benchBradleyTerry } from "./bradley-terry";
import { benchCurationDedup } from "./curation-dedup";
import { benchCurationImages } from "./curation-images";
import { benchCurationRun } from "./curation-run";
import { benchDatasetExport } from "./dataset-export";
import { benchEmbeddingThroughput } from "./embedding-throughput";
import { benchFrechetDistance } from "./frechet-distance";
import { benchGeneration } from "./generation";
import { benchLeaderboard } from "./leaderboard";
import { benchRatingThroughput } from "./rating-throughput";
import { benchStartTime } from "./start-time";

const results = [
  await benchStartTime(),
  await benchRatingThroughput(),
  await benchBradleyTerry(),
  await benchLeaderboard(),
  await benchGeneration(),
  await benchFrechetDistance(),
  await benchEmbeddingThroughput(),
  await benchDatasetExport(),
  await benchCurationImages(),
  await benchCurationDedup(),
  await benchCurationRun(),
];
for (const r of results) console.log(`${r.name}: ${r.summary}`);
