/**
 * The end of a curation run, as a worker runs it, once every shard is decided. Two passes over
 * the stored shard decisions (one shard in memory at a time):
 *  1. the score ranges (for the histograms) and the kept items' hashes in source order, clustered
 *     within the run's Hamming threshold — near-duplicate removal across the whole run;
 *  2. the kept and dropped sets, written a shard at a time (and, when asked, the kept set as
 *     WebDataset shards and the kept videos cut into clips), with the histograms, the gallery
 *     samples and a few duplicate clusters gathered on the way.
 * Then the samples' thumbnails and the funnel. Everything is recomputed from the stored
 * decisions, so a retry after a crash writes the same files (content-addressed) and summary.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db, Prisma } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import {
  asyncBufferOf,
  ClipsOutput,
  ConceptPass,
  samplingWeight,
  DecisionJsonlWriter,
  DecisionTableWriter,
  decodeDecisions,
  findRunDuplicates,
  itemBytes,
  itemInput,
  funnelOf,
  LowestIdSample,
  measurementColumns,
  mergeTallies,
  nearDuplicateReason,
  parsePipeline,
  readOptionsOf,
  runOrder,
  ScoreHistograms,
  ScoreRanges,
  type CurationDecision,
  type DecisionTally,
  type HashedItem,
  type NearDuplicate,
  WebDatasetOutput,
} from "@loupe/curation";
import { encodeConceptDuplicates, encodeDuplicates } from "./duplicates-table";
import { sampleOf, thumbnailOf } from "./sample-thumbnails";
import { readStored } from "./stored-files";
import type { CurationOutput, CurationOutputs, CurationSummary, DuplicateCluster } from "./summary";

/** Items per gallery, clusters shown, and members shown per cluster. */
const SAMPLE_SIZE = 12;
const CLUSTERS_SHOWN = 8;
const MEMBERS_SHOWN = 6;

export async function finishCurationRun(runtime: { db: Db; storage: MediaStorage }, runId: string) {
  const { db, storage } = runtime;
  const started = await db.curationRun.updateMany({
    where: { id: runId, status: { in: ["running", "finishing"] } },
    data: { status: "finishing" },
  });
  if (started.count === 0) return;
  const run = await db.curationRun.findUniqueOrThrow({ where: { id: runId } });
  const shards = await db.curationShard.findMany({ where: { runId }, orderBy: { index: "asc" } });
  const undone = shards.filter((s) => s.status !== "done" || !s.decisionsSha256);
  if (undone.length || shards.length !== run.shardCount)
    throw new Error(`${undone.length} shards are not decided yet; the run cannot finish`);
  const pipeline = parsePipeline(run.definition);
  const stages = runOrder(pipeline.stages);
  const dedup = pipeline.definition.dedup;
  const read = readOptionsOf(pipeline.definition);
  async function* eachShard(): AsyncGenerator<CurationDecision[]> {
    for (const shard of shards)
      yield await decodeDecisions(asyncBufferOf(await readStored(storage, shard.decisionsSha256!)));
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-curation-"));
  try {
    await finishIn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  /** The passes, with `dir` for their files (outputs, clips, concept clusters). */
  async function finishIn(dir: string) {
    // Pass 1: score ranges, the run-wide near-duplicates, and a sample of the embeddings.
    const concepts = pipeline.definition.concepts;
    const conceptPass = concepts ? new ConceptPass(path.join(dir, "concepts"), concepts) : null;
    const ranges = new ScoreRanges();
    const hashed: HashedItem[] = [];
    for await (const decisions of eachShard())
      for (const d of decisions) {
        ranges.observe(d);
        const hash = dedup ? d.hashes[dedup.hash] : undefined;
        if (d.status === "kept" && hash) hashed.push({ itemId: d.itemId, source: d.source, hash });
        if (d.status === "kept") conceptPass?.sample(d);
      }
    const duplicates = dedup
      ? findRunDuplicates(hashed, dedup.maxDistance)
      : new Map<string, NearDuplicate>();
    hashed.length = 0;

    // Pass 1b (runs with concepts): the kept items that survived the hashes, clustered by embedding.
    let conceptResult: ReturnType<ConceptPass["result"]> | null = null;
    if (conceptPass) {
      conceptPass.fit();
      for await (const decisions of eachShard()) {
        for (const d of decisions)
          if (d.status === "kept" && !duplicates.has(d.itemId)) conceptPass.assign(d);
        conceptPass.flush();
      }
      conceptResult = conceptPass.result();
    }
    const conceptDuplicates = conceptResult?.duplicates ?? new Map();
    const clusterSizes = new Map<string, number>();
    for (const d of duplicates.values())
      clusterSizes.set(d.duplicateOf, (clusterSizes.get(d.duplicateOf) ?? 1) + 1);
    const shownClusters = new Set(
      [...clusterSizes]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, CLUSTERS_SHOWN)
        .map(([id]) => id),
    );

    // Pass 2: outputs, histograms, samples, clusters.
    const format = pipeline.definition.outputs.manifest;
    // The outputs carry the concept columns, never the embeddings (they stay in the shards).
    const columns = { ...measurementColumns(stages), embedding: false, concepts: concepts !== null };
    const open = (name: string) =>
      format === "parquet"
        ? new DecisionTableWriter(columns, path.join(dir, `${name}.parquet`))
        : new DecisionJsonlWriter(path.join(dir, `${name}.jsonl`));
    const kept = open("kept");
    const dropped = open("dropped");
    const webdatasetConfig = pipeline.definition.outputs.webdataset;
    const webdataset = webdatasetConfig
      ? new WebDatasetOutput(dir, webdatasetConfig.samplesPerShard, async (d) => {
          const bytes = await itemBytes(d, read);
          if (!Buffer.isBuffer(bytes))
            throw new Error(`cannot read ${d.source} for the WebDataset shards: ${bytes.error}`);
          return bytes;
        })
      : null;
    const clipsConfig = pipeline.definition.outputs.clips;
    const clips = clipsConfig
      ? new ClipsOutput(dir, clipsConfig, async (d) => {
          const input = await itemInput(d, read);
          if (typeof input === "object" && !Buffer.isBuffer(input))
            throw new Error(`cannot read ${d.source} to cut its clips: ${input.error}`);
          return input;
        })
      : null;
    const histograms = new ScoreHistograms(ranges.ranges);
    const keptSample = new LowestIdSample<CurationDecision>(SAMPLE_SIZE);
    const removedSamples = new Map<string, LowestIdSample<CurationDecision>>();
    const clusterMembers = new Map<string, { kept?: CurationDecision; members: CurationDecision[] }>();
    for await (const shardDecisions of eachShard()) {
      const decisions = shardDecisions.map((d): CurationDecision => {
        if (d.status !== "kept") return d;
        const duplicate = duplicates.get(d.itemId);
        if (duplicate)
          return {
            ...d,
            status: "dropped",
            firstFailingStage: "dedup",
            reason: nearDuplicateReason(duplicate),
          };
        const similar = conceptDuplicates.get(d.itemId);
        if (similar)
          return {
            ...d,
            status: "dropped",
            firstFailingStage: "semdedup",
            reason: `near-duplicate of ${similar.duplicateOfSource} by embedding (cosine similarity ${similar.similarity.toFixed(3)})`,
          };
        const cluster = conceptResult?.clusterOf.get(d.itemId);
        return cluster === undefined
          ? d
          : { ...d, concept: { cluster, weight: samplingWeight(conceptResult!.sizes[cluster]!) } };
      });
      for (const d of decisions) {
        histograms.add(d);
        if (d.status === "kept") keptSample.offer(d);
        else {
          const stage = d.firstFailingStage ?? "unknown";
          if (!removedSamples.has(stage)) removedSamples.set(stage, new LowestIdSample(SAMPLE_SIZE));
          removedSamples.get(stage)!.offer(d);
        }
        const clusterId = shownClusters.has(d.itemId) ? d.itemId : duplicates.get(d.itemId)?.duplicateOf;
        if (clusterId !== undefined && shownClusters.has(clusterId)) {
          const cluster = clusterMembers.get(clusterId) ?? { members: [] };
          if (d.itemId === clusterId) cluster.kept = d;
          else if (cluster.members.length < MEMBERS_SHOWN) cluster.members.push(d);
          clusterMembers.set(clusterId, cluster);
        }
      }
      await kept.write(decisions.filter((d) => d.status === "kept"));
      if (webdataset) for (const d of decisions) if (d.status === "kept") await webdataset.push(d);
      if (clips) for (const d of decisions) if (d.status === "kept") await clips.push(d);
      await dropped.write(decisions.filter((d) => d.status !== "kept"));
    }
    kept.close();
    dropped.close();

    const store = async (name: string, file: string, rows: number, as: CurationOutput["format"]) => {
      const stored = await storage.putFile(file);
      return { sha256: stored.sha256, bytes: stored.bytes, rows, format: as, fileName: `${name}.${as}` };
    };
    const tarShards = webdataset ? await webdataset.close() : [];
    const clipShards = clips ? await clips.close() : [];
    let semanticDuplicatesOutput: CurationOutput | null = null;
    if (concepts?.dedupSimilarity) {
      const file = path.join(dir, "semantic-duplicates.parquet");
      fs.writeFileSync(file, encodeConceptDuplicates(conceptDuplicates));
      semanticDuplicatesOutput = await store("semantic-duplicates", file, conceptDuplicates.size, "parquet");
    }
    let duplicatesOutput: CurationOutput | null = null;
    if (dedup) {
      const file = path.join(dir, "duplicates.parquet");
      fs.writeFileSync(file, encodeDuplicates(duplicates));
      duplicatesOutput = await store("duplicates", file, duplicates.size, "parquet");
    }
    const outputs: CurationOutputs = {
      kept: await store("kept", path.join(dir, `kept.${format}`), kept.rows, format),
      dropped: await store("dropped", path.join(dir, `dropped.${format}`), dropped.rows, format),
      duplicates: duplicatesOutput,
      semanticDuplicates: semanticDuplicatesOutput,
      webdataset: await Promise.all(
        tarShards.map((s) => store(s.fileName.replace(/\.tar$/, ""), s.file, s.samples, "tar")),
      ),
      clips: await Promise.all(
        clipShards.map((s) => store(s.fileName.replace(/\.tar$/, ""), s.file, s.samples, "tar")),
      ),
    };

    const thumbnails = new Map<string, string | null>();
    const sample = async (d: CurationDecision) => {
      if (!thumbnails.has(d.itemId))
        thumbnails.set(d.itemId, await thumbnailOf(storage, d, pipeline.definition.media, read));
      return sampleOf(d, thumbnails.get(d.itemId)!);
    };
    const removed: CurationSummary["samples"]["removed"] = {};
    for (const [stage, s] of removedSamples) removed[stage] = await Promise.all(s.result().map(sample));
    const clusters: DuplicateCluster[] = [];
    for (const id of shownClusters) {
      const c = clusterMembers.get(id);
      if (!c?.kept) continue;
      clusters.push({
        kept: await sample(c.kept),
        duplicates: await Promise.all(
          c.members.map(async (m) => ({
            ...(await sample(m)),
            distance: duplicates.get(m.itemId)!.distance,
          })),
        ),
        size: clusterSizes.get(id)!,
      });
    }
    clusters.sort((a, b) => b.size - a.size || (a.kept.itemId < b.kept.itemId ? -1 : 1));

    const tally = mergeTallies(shards.map((s) => s.tally as unknown as DecisionTally));
    const summary: CurationSummary = {
      tally,
      funnel: funnelOf(
        tally,
        stages.map((s) => ({ id: s.stage.id, label: s.stage.label })),
        {
          ...(dedup ? { dedup: duplicates.size } : {}),
          ...(concepts?.dedupSimilarity ? { semdedup: conceptDuplicates.size } : {}),
        },
      ),
      dedup: dedup ? { ...dedup, removed: duplicates.size } : null,
      kept: kept.rows,
      histograms: histograms.result(),
      samples: { kept: await Promise.all(keptSample.result().map(sample)), removed },
      clusters,
      clips: clips ? { count: clips.clips, seconds: clips.seconds } : null,
      concepts:
        concepts && conceptResult
          ? {
              clusters: conceptResult.sizes.length,
              sizes: [...conceptResult.sizes].sort((a, b) => b - a),
              removed: conceptDuplicates.size,
              dedupSimilarity: concepts.dedupSimilarity,
            }
          : null,
    };
    await db.curationRun.updateMany({
      where: { id: runId, status: "finishing" },
      data: {
        status: "done",
        summary: summary as unknown as Prisma.InputJsonValue,
        kept: summary.kept,
        outputs: outputs as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
  }
}
