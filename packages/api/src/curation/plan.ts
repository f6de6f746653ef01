/**
 * Planning a curation run, as a worker runs it: the source is read once, in order, and cut into
 * shards; each shard's items are stored, its row written and its job queued as soon as it is full,
 * so deciding starts while a large source is still being read. A plan retried after a crash
 * writes the same shards again: existing rows are kept, and a shard whose items came out
 * different (the source changed under the run) fails the run instead of skipping or repeating
 * items. Pausing or cancelling stops the plan; Resume plans again from the start.
 */
import type { Db } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import { sha256Hex } from "@loupe/media";
import { openSource, shardItems } from "@loupe/curation/sources";
import { parsePipeline } from "@loupe/curation";
import { enqueueCurationFinish, enqueueCurationShards } from "./enqueue";
import { encodeShardItems } from "./shard-items";

export class CurationSourceChangedError extends Error {
  override name = "CurationSourceChangedError";
}

export async function planCurationRun(runtime: { db: Db; storage: MediaStorage }, runId: string) {
  const { db, storage } = runtime;
  const run = await db.curationRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "planning") return;
  if (!run.startedAt) await db.curationRun.update({ where: { id: runId }, data: { startedAt: new Date() } });
  const pipeline = parsePipeline(run.definition);
  const source = await openSource(pipeline.definition.source);
  const existing = new Map(
    (await db.curationShard.findMany({ where: { runId }, select: { index: true, itemsSha256: true } })).map(
      (s) => [s.index, s.itemsSha256],
    ),
  );

  let total = 0;
  let shards = 0;
  for await (const shard of shardItems(source, run.shardSize)) {
    total += shard.items.length;
    shards++;
    const file = encodeShardItems(shard.items);
    const sha256 = sha256Hex(file);
    const known = existing.get(shard.index);
    if (known !== undefined) {
      if (known !== sha256)
        throw new CurationSourceChangedError(
          `the source changed while the run was being planned: ${shard.id} no longer holds the same items; start a new run`,
        );
      continue;
    }
    if (!(await stillPlanning(db, runId))) return;
    await storage.put(file);
    await db.$transaction(async (tx) => {
      await tx.curationShard.create({
        data: { runId, index: shard.index, itemCount: shard.items.length, itemsSha256: sha256 },
      });
      await enqueueCurationShards(tx, runId, [shard.index]);
    });
  }
  if (shards < existing.size)
    throw new CurationSourceChangedError(
      `the source changed while the run was being planned: it now makes ${shards} shards, not ${existing.size}; start a new run`,
    );

  const { count } = await db.curationRun.updateMany({
    where: { id: runId, status: "planning" },
    data: { status: "running", total, shardCount: shards },
  });
  if (count === 0) return;
  // Shards that finished while planning went on could not queue the finish (the count was unknown).
  const pending = await db.curationShard.count({ where: { runId, status: "pending" } });
  if (pending === 0) await enqueueCurationFinish(db, runId);
}

async function stillPlanning(db: Db, runId: string): Promise<boolean> {
  const run = await db.curationRun.findUnique({ where: { id: runId }, select: { status: true } });
  return run?.status === "planning";
}
