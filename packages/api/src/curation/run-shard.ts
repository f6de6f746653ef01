/**
 * One shard of a curation run, as a worker runs it: its stored items through the pipeline, the
 * decisions stored as Parquet, and the shard marked done with its tally — the one write that
 * records completion, so a shard killed before it is redone whole and a shard after it is never
 * redone. The shard that leaves none pending (once planning has counted them all) queues the
 * run's finish. A paused or cancelled run's shards are left pending.
 */
import os from "node:os";
import type { Db, Prisma } from "@loupe/db";
import { decideShardOnThreads } from "@loupe/curation/threads";
import type { MediaStorage } from "@loupe/media";
import {
  decideShard,
  encodeDecisions,
  parsePipeline,
  runOrder,
  measurementColumns,
  tallyDecisions,
  type ModelRegistry,
} from "@loupe/curation";
import { listEvaluatorModels } from "../evaluations/evaluator-models";
import { enqueueCurationFinish } from "./enqueue";
import { decodeShardItems } from "./shard-items";
import { readStored } from "./stored-files";

const MIN_ITEMS_FOR_THREADS = 100;
const MAX_THREADS = 4;

export async function runCurationShard(
  runtime: { db: Db; storage: MediaStorage },
  target: { runId: string; shard: number },
  opts: { concurrency?: number } = {},
): Promise<void> {
  const { db, storage } = runtime;
  const run = await db.curationRun.findUnique({ where: { id: target.runId } });
  if (!run || (run.status !== "planning" && run.status !== "running")) return;
  const shard = await db.curationShard.findUnique({
    where: { runId_index: { runId: run.id, index: target.shard } },
  });
  if (!shard || shard.status === "done") return;

  const started = Date.now();
  const pipeline = parsePipeline(run.definition);
  const items = decodeShardItems(await readStored(storage, shard.itemsSha256));
  const models = pipeline.stages.some((s) => s.stage.modelKind) ? await modelRegistry(db) : new Map();
  // Threads take about a second to start (once per run): worth it for a real shard, not a handful.
  const decisions =
    items.length >= MIN_ITEMS_FOR_THREADS
      ? await decideShardOnThreads(items, pipeline, {
          models,
          threads: Math.min(os.availableParallelism(), MAX_THREADS),
        })
      : await decideShard(items, pipeline, { concurrency: opts.concurrency, models });
  const table = await encodeDecisions(decisions, measurementColumns(runOrder(pipeline.stages)));
  const stored = await storage.put(table);

  const { count } = await db.curationShard.updateMany({
    where: { runId: run.id, index: shard.index, status: "pending" },
    data: {
      status: "done",
      decisionsSha256: stored.sha256,
      tally: tallyDecisions(decisions) as unknown as Prisma.InputJsonValue,
      durationMs: Date.now() - started,
      finishedAt: new Date(),
    },
  });
  if (count === 0) return;
  const planned = await db.curationRun.findUnique({ where: { id: run.id }, select: { shardCount: true } });
  if (planned?.shardCount == null) return;
  const pending = await db.curationShard.count({ where: { runId: run.id, status: "pending" } });
  if (pending === 0) await enqueueCurationFinish(db, run.id);
}

/** The registered evaluator models, for the stages that run one. */
async function modelRegistry(db: Db): Promise<ModelRegistry> {
  return new Map((await listEvaluatorModels(db)).map((m) => [m.name, { kind: m.spec.kind, spec: m.spec }]));
}
