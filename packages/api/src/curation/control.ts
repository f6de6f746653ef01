/**
 * Pausing, resuming and cancelling a curation run. Pause and cancel take the run's queued jobs off
 * the queue (a shard already running finishes and is recorded); Resume queues what is left — the
 * plan when the source was not fully read, else every pending shard, else the finish — so a run
 * paused, or stopped by a crash or a failure, ends with every item decided exactly once.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import type { CurationRunStatus } from "@loupe/db";
import { writeAudit } from "../audit/log";
import {
  dequeueCurationJobs,
  enqueueCurationFinish,
  enqueueCurationPlan,
  enqueueCurationShards,
} from "./enqueue";
import type { CurationActor } from "./create-run";

async function runOf(db: Db, projectId: string, runId: string) {
  const run = await db.curationRun.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such curation run in this project." });
  return run;
}

async function stop(
  db: Db,
  projectId: string,
  runId: string,
  to: "paused" | "cancelled",
  from: CurationRunStatus[],
  actor: CurationActor,
) {
  const run = await runOf(db, projectId, runId);
  const { count } = await db.curationRun.updateMany({
    where: { id: runId, status: { in: from } },
    data: to === "cancelled" ? { status: to, finishedAt: new Date() } : { status: to },
  });
  if (count === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A ${run.status} run cannot be ${to}; only a ${from.join(" or ")} one can.`,
    });
  await dequeueCurationJobs(db, runId);
  await writeAudit(db, {
    projectId,
    actorUserId: actor.userId ?? null,
    actorApiKeyId: actor.apiKeyId ?? null,
    action: to === "paused" ? "curation.pause" : "curation.cancel",
    targetType: "CurationRun",
    targetId: runId,
  });
}

export const pauseCurationRun = (db: Db, projectId: string, runId: string, actor: CurationActor = {}) =>
  stop(db, projectId, runId, "paused", ["planning", "running"], actor);

export const cancelCurationRun = (db: Db, projectId: string, runId: string, actor: CurationActor = {}) =>
  stop(db, projectId, runId, "cancelled", ["planning", "running", "paused", "failed"], actor);

export async function resumeCurationRun(db: Db, projectId: string, runId: string, actor: CurationActor = {}) {
  const run = await runOf(db, projectId, runId);
  if (run.status !== "paused" && run.status !== "failed")
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `A ${run.status} run cannot be resumed; only a paused or failed one can.`,
    });
  const pending = await db.curationShard.findMany({
    where: { runId, status: "pending" },
    select: { index: true },
    orderBy: { index: "asc" },
  });
  const planned = run.shardCount !== null;
  await db.$transaction(async (tx) => {
    await tx.curationRun.update({
      where: { id: runId },
      data: { status: planned ? "running" : "planning", error: null, finishedAt: null },
    });
    if (!planned) await enqueueCurationPlan(tx, runId);
    // Shards written before a pause are queued again whether or not planning is finished.
    await enqueueCurationShards(
      tx,
      runId,
      pending.map((s) => s.index),
    );
    if (planned && pending.length === 0) await enqueueCurationFinish(tx, runId);
    await writeAudit(tx, {
      projectId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      action: "curation.resume",
      targetType: "CurationRun",
      targetId: runId,
      data: { pendingShards: pending.length, replanning: !planned },
    });
  });
  return { pendingShards: pending.length, replanning: !planned };
}

/** On a job's last failed attempt the run says why it stopped, instead of staying "running". */
export async function markCurationRunFailed(db: Db, runId: string, err: unknown) {
  await db.curationRun.updateMany({
    where: { id: runId, status: { in: ["planning", "running", "finishing"] } },
    data: { status: "failed", error: (err as Error).message.slice(0, 2000), finishedAt: new Date() },
  });
}
