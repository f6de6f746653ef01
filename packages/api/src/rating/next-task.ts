/**
 * "Give me something to rate": the rater's live lease if they have one (a reload loses nothing),
 * otherwise a new lease from the engine — mixing in gold items at the study's gold ratio, within
 * the rater's cap — or "done" with the invite's completion code.
 */
import crypto from "node:crypto";
import type { Db, Rater, Study } from "@loupe/db";
import {
  extendUncertainPair,
  leaseTask,
  liveLeases,
  MAX_LIVE_LEASES,
  releaseExpiredLeases,
  type Lease,
} from "../assignments/engine";
import type { Runtime } from "../runtime";
import { cachedTaskCount, sweepDue } from "./study-cache";
import { pairwiseConfigOf } from "../studies/service";
import { buildTaskView, type TaskView } from "./task-view";

export type Progress = { done: number; total: number };
export type NextTaskResult =
  | { status: "task"; task: TaskView; progress: Progress }
  | { status: "done"; progress: Progress; completionCode: string | null; reason: "finished" | "cap" }
  | { status: "paused"; progress: Progress }
  /** Nothing more than the task(s) the rater already holds (answered by a prefetch). */
  | { status: "none"; progress: Progress };

/**
 * "n of N": judgments given (the rater's counter, kept by submit and undo) of the tasks a rater
 * can reach — each task at most once, plus gold items mixed in at the gold ratio, within the cap.
 */
export async function raterProgress(
  db: Db,
  study: Study,
  rater: Pick<Rater, "judgmentCount">,
): Promise<Progress> {
  const config = pairwiseConfigOf(study);
  const tasks = await cachedTaskCount(db, study.id);
  const done = rater.judgmentCount;
  const reachable = Math.round(tasks / (1 - config.goldRatio));
  const total = config.maxJudgmentsPerRater ? Math.min(config.maxJudgmentsPerRater, reachable) : reachable;
  return { done, total: Math.max(total, done) };
}

export async function nextTask(
  runtime: Runtime,
  session: { rater: Rater; study: Study },
  exclude: readonly string[] = [],
): Promise<NextTaskResult> {
  const { db } = runtime;
  const { rater, study } = session;
  const config = pairwiseConfigOf(study);
  const progress = await raterProgress(db, study, rater);
  if (study.status !== "active") return { status: "paused", progress };
  const completionCode = async () =>
    rater.inviteId
      ? ((await db.studyInvite.findUnique({ where: { id: rater.inviteId } }))?.completionCode ?? null)
      : null;

  if (sweepDue(study.id)) await releaseExpiredLeases(db, study.id);
  const live = await liveLeases(db, rater.id);
  const resumable = live.find((l) => !exclude.includes(l.assignmentId));
  const show = async (lease: Lease): Promise<NextTaskResult> => ({
    status: "task",
    task: await buildTaskView(runtime, db, lease, config.referenceRoles),
    progress,
  });
  if (resumable) return show(resumable);

  const cap = config.maxJudgmentsPerRater;
  if (cap !== null && progress.done + live.length >= cap) {
    return live.length > 0
      ? { status: "none", progress }
      : { status: "done", progress, completionCode: await completionCode(), reason: "cap" };
  }
  if (live.length >= MAX_LIVE_LEASES) return { status: "none", progress };

  const opts = { leaseSeconds: config.leaseSeconds };
  // Gold items come mixed in at goldRatio; a rater with no regular task left is still shown the
  // gold items they have not seen (each once), so every rater's gold accuracy rests on all of them.
  const goldFirst = config.goldRatio > 0 && crypto.randomInt(1_000_000) < config.goldRatio * 1_000_000;
  let lease =
    (await leaseTask(db, study.id, rater.id, { ...opts, gold: goldFirst })) ??
    (config.goldRatio > 0 ? await leaseTask(db, study.id, rater.id, { ...opts, gold: !goldFirst }) : null);
  if (!lease && (await extendUncertainPair(db, study.id, config))) {
    lease = await leaseTask(db, study.id, rater.id, { ...opts, gold: false });
  }
  // "Last seen" for the monitor; a minute's precision is plenty and spares a write per request.
  if (Date.now() - rater.lastSeenAt.getTime() > 60_000)
    await db.rater.update({ where: { id: rater.id }, data: { lastSeenAt: new Date() } });
  if (lease) return show(lease);
  if (live.length > 0) return { status: "none", progress };
  return { status: "done", progress, completionCode: await completionCode(), reason: "finished" };
}
