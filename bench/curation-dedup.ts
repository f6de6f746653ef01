/**
 * Perceptual-hash near-duplicate search at scale: 1,000,000 64-bit hashes, every pair within
 * Hamming distance r = 6 and r = 10 (the issue's target: under 10 s for the search, memory bounded).
 * Pure computation, no I/O.
 *
 * The hashes are 980,000 uniform random 64-bit values (seeded) and 20,000 planted near-duplicates,
 * each a copy of a random one with 1–6 distinct bits flipped, shuffled among them. Timed per radius:
 * building the multi-index (`HammingIndex.build`, which picks the substring count from n and r) and
 * the search (`index.pairs`: the self-joins, verification, and sorting the pairs by (a, b)); then the
 * whole dedup at r = 6 (`clusterHashes`: exact-copy grouping, index, search, union–find). Every
 * planted pair must be among the pairs found. For scale, the brute-force search is timed on the
 * first 20,000 hashes and extrapolated to n(n − 1)/2 pairs. Peak RSS is the process's high-water mark
 * (getrusage), so it covers the synchronous search, where a sampling timer would never fire.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { bruteForceNearDuplicatePairs } from "../curation/src/dedup/brute-force";
import { clusterHashes } from "../curation/src/dedup/cluster";
import { plantedHashes } from "../curation/src/dedup/fixtures/planted-hashes";
import { HammingIndex } from "../curation/src/dedup/multi-index-hash";

const RANDOM = 980_000;
const PLANTED = 20_000;
const RADII = [6, 10];
const TARGET_S = 10;
const BRUTE_FORCE_SAMPLE = 20_000;

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function machine(): string {
  let cpu = "unknown CPU";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // Not Linux: the CPU model stays unknown.
  }
  return `${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
}

function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function benchCurationDedup() {
  const rssBefore = process.memoryUsage().rss;
  const data = plantedHashes({ seed: 2026, random: RANDOM, planted: PLANTED, minFlips: 1, maxFlips: 6 });
  const n = RANDOM + PLANTED;
  const rssData = process.memoryUsage().rss;
  const figures: string[] = [];

  for (const radius of RADII) {
    const build = timed(() => HammingIndex.build(data.hashes, { radius }));
    const index = build.value;
    const search = timed(() => index.pairs(radius));
    const pairs = search.value;
    const found = new Set<number>();
    for (let p = 0; p < pairs.a.length; p++) found.add(pairs.a[p]! * n + pairs.b[p]!);
    let missed = 0;
    for (let p = 0; p < PLANTED; p++) {
      const a = Math.min(data.source[p]!, data.copy[p]!);
      const b = Math.max(data.source[p]!, data.copy[p]!);
      if (!found.has(a * n + b)) missed++;
    }
    const total = (build.ms + search.ms) / 1000;
    figures.push(
      `r = ${radius}: m = ${index.layout.count} (${index.layout.lengths.join("/")} bits, index ${mb(index.bytes)}), ` +
        `build ${build.ms.toFixed(0)} ms, search ${search.ms.toFixed(0)} ms (CPU ${search.cpuMs.toFixed(0)} ms), ` +
        `total ${total.toFixed(1)} s ${total < TARGET_S ? "(under" : "(OVER"} the ${TARGET_S} s target), ` +
        `${pairs.a.length.toLocaleString("en")} pairs, ${(PLANTED - missed).toLocaleString("en")} of ` +
        `${PLANTED.toLocaleString("en")} planted found${missed > 0 ? ` — ${missed} MISSED` : ""}`,
    );
  }

  const dedup = timed(() => clusterHashes(data.hashes, 6));
  figures.push(
    `dedup at r = 6 (clusterHashes): ${dedup.ms.toFixed(0)} ms, ` +
      `${dedup.value.duplicates.toLocaleString("en")} dropped of ${n.toLocaleString("en")}`,
  );

  const sample = data.hashes.subarray(0, 2 * BRUTE_FORCE_SAMPLE);
  const brute = timed(() => bruteForceNearDuplicatePairs(sample, 6));
  const samplePairs = (BRUTE_FORCE_SAMPLE * (BRUTE_FORCE_SAMPLE - 1)) / 2;
  const allPairs = (n * (n - 1)) / 2;
  figures.push(
    `brute force: ${((brute.ms / samplePairs) * 1e6).toFixed(2)} ns a pair on ${BRUTE_FORCE_SAMPLE.toLocaleString("en")} ` +
      `hashes, so ≈ ${((brute.ms / samplePairs) * allPairs) / 60_000 < 120 ? `${(((brute.ms / samplePairs) * allPairs) / 60_000).toFixed(0)} min` : `${(((brute.ms / samplePairs) * allPairs) / 3_600_000).toFixed(1)} h`} for all ${allPairs.toExponential(1)} pairs`,
  );
  figures.push(
    `RSS ${mb(rssBefore)} at start, ${mb(rssData)} with the hashes, peak ${mb(peakRss())}; machine: ${machine()}`,
  );

  return {
    name: `curation dedup: near-duplicate search over ${n.toLocaleString("en")} 64-bit hashes (${PLANTED.toLocaleString("en")} planted)`,
    summary: figures.join(" | "),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchCurationDedup();
  console.log(`${r.name}:\n  ${r.summary.split(" | ").join("\n  ")}`);
}
