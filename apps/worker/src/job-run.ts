/**
 * Bookkeeping around every job: marks its JobRun running, counts attempts, gives the handler a
 * progress reporter, and records success or the error. graphile-worker owns retries and backoff;
 * the JobRun is what people see on the Jobs page.
 */
import type { Task } from "graphile-worker";
import type { Db } from "@loupe/db";
import { jobEnvelopeSchema, type JobDefinition, type JobPayload } from "@loupe/jobs";

export type Progress = (done: number, total?: number | null, message?: string) => Promise<void>;

export type JobHandler<D extends JobDefinition> = (
  payload: JobPayload<D>,
  helpers: { progress: Progress; jobRunId: string },
) => Promise<void>;

export function wrapJob<D extends JobDefinition>(db: Db, def: D, handler: JobHandler<D>): Task {
  return async (raw, helpers) => {
    const envelope = jobEnvelopeSchema.parse(raw);
    const attempt = helpers.job.attempts;
    const run = await db.jobRun.findUnique({ where: { id: envelope.jobRunId } });
    if (!run || run.status === "cancelled") return; // deleted or cancelled: nothing to do
    await db.jobRun.update({
      where: { id: run.id },
      data: { status: "running", attempts: attempt, startedAt: run.startedAt ?? new Date() },
    });
    const progress: Progress = async (done, total, message) => {
      await db.jobRun.update({
        where: { id: run.id },
        data: {
          progressDone: done,
          ...(total !== undefined ? { progressTotal: total } : {}),
          ...(message ? { message } : {}),
        },
      });
    };
    try {
      const payload = def.payload.parse(envelope.payload) as JobPayload<D>;
      await handler(payload, { progress, jobRunId: run.id });
      await db.jobRun.update({
        where: { id: run.id },
        data: { status: "succeeded", finishedAt: new Date(), lastError: null },
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = attempt >= helpers.job.max_attempts;
      await db.jobRun.update({
        where: { id: run.id },
        data: {
          status: final ? "failed" : "queued",
          lastError: message,
          ...(final ? { finishedAt: new Date() } : {}),
        },
      });
      throw err; // graphile-worker schedules the retry
    }
  };
}
