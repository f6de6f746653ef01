/**
 * The end of a curation run, as a worker runs it, once every shard is decided:
 *  1. near-duplicate removal across the whole run — the kept items' hashes in source order
 *     (shard by shard, row by row), clustered within the run's Hamming threshold;
 *  2. the kept set and the dropped set (stage drops, errors and near-duplicates, each with its
 *     stage and reason) written a shard at a time and stored;
 *  3. the funnel.
 * Everything is recomputed from the stored shard decisions, so a retry after a crash writes the
 * same files (content-addressed) and the same summary.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db, Prisma } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import {
  asyncBufferOf,
  DecisionJsonlWriter,
  DecisionTableWriter,
  decodeDecisions,
  findRunDuplicates,
  funnelOf,
  mergeTallies,
  nearDuplicateReason,
  parsePipeline,
  runOrder,
  scoreColumns,
  type CurationDecision,
  type DecisionTally,
  type HashedItem,
  type NearDuplicate,
} from "@loupe/curation";
import type { CurationOutput, CurationOutputs, CurationSummary } from "./summary";
import { readStored } from "./stored-files";

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
  const readShard = async (sha256: string) =>
    decodeDecisions(asyncBufferOf(await readStored(storage, sha256)));

  const dedup = pipeline.definition.dedup;
  let duplicates = new Map<string, NearDuplicate>();
  if (dedup) {
    const hashed: HashedItem[] = [];
    for (const shard of shards)
      for (const d of await readShard(shard.decisionsSha256!)) {
        const hash = d.hashes[dedup.hash];
        if (d.status === "kept" && hash) hashed.push({ itemId: d.itemId, source: d.source, hash });
      }
    duplicates = findRunDuplicates(hashed, dedup.maxDistance);
  }

  const format = pipeline.definition.outputs.manifest;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-curation-"));
  try {
    const columns = scoreColumns(stages);
    const open = (name: string) =>
      format === "parquet"
        ? new DecisionTableWriter(columns, path.join(dir, `${name}.parquet`))
        : new DecisionJsonlWriter(path.join(dir, `${name}.jsonl`));
    const kept = open("kept");
    const dropped = open("dropped");
    for (const shard of shards) {
      const decisions = (await readShard(shard.decisionsSha256!)).map((d): CurationDecision => {
        const duplicate = d.status === "kept" ? duplicates.get(d.itemId) : undefined;
        return duplicate
          ? { ...d, status: "dropped", firstFailingStage: "dedup", reason: nearDuplicateReason(duplicate) }
          : d;
      });
      await kept.write(decisions.filter((d) => d.status === "kept"));
      await dropped.write(decisions.filter((d) => d.status !== "kept"));
    }
    kept.close();
    dropped.close();
    const store = async (name: string, rows: number): Promise<CurationOutput> => {
      const fileName = `${name}.${format}`;
      const file = await storage.putFile(path.join(dir, fileName));
      return { sha256: file.sha256, bytes: file.bytes, rows, format, fileName };
    };
    const outputs: CurationOutputs = {
      kept: await store("kept", kept.rows),
      dropped: await store("dropped", dropped.rows),
    };

    const tally = mergeTallies(shards.map((s) => s.tally as unknown as DecisionTally));
    const summary: CurationSummary = {
      tally,
      funnel: funnelOf(
        tally,
        stages.map((s) => ({ id: s.stage.id, label: s.stage.label })),
        dedup ? { removed: duplicates.size } : null,
      ),
      dedup: dedup ? { ...dedup, removed: duplicates.size } : null,
      kept: kept.rows,
    };
    await db.curationRun.updateMany({
      where: { id: runId, status: "finishing" },
      data: {
        status: "done",
        summary: summary as unknown as Prisma.InputJsonValue,
        outputs: outputs as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
