/**
 * Every job, of every kind, resumes after its worker dies. graphile-worker keeps a job locked by
 * the process that took it for hours, because it cannot tell a slow worker from a dead one. So each
 * worker process beats a heartbeat under graphile-worker's id for it (learnt from the first job it
 * runs: `job.locked_by`), and every worker now and then sweeps: a job locked by an id whose
 * heartbeat is older than `deadAfterMs` — or that never beat at all, long after taking its job — is
 * unlocked with graphile-worker's own `force_unlock_workers`, and the next free worker runs it
 * again. Each task is written to be rerun: it skips what a previous attempt stored.
 *
 * Running the sweep in two workers at once is harmless.
 */
import os from "node:os";
import type { Task } from "graphile-worker";
import type { Db } from "@loupe/db";

export class WorkerLiveness {
  private readonly ids = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly deadAfterMs: number,
    private readonly host = os.hostname(),
  ) {}

  /** Wraps a task so the process learns its worker id before the task's work starts. */
  track(task: Task): Task {
    return async (payload, helpers) => {
      const id = helpers.job.locked_by;
      if (id && !this.ids.has(id)) {
        this.ids.add(id);
        await this.beat();
      }
      return task(payload, helpers);
    };
  }

  /** Marks this process's worker ids alive. */
  async beat(): Promise<void> {
    for (const workerId of this.ids) {
      await this.db.workerHeartbeat.upsert({
        where: { workerId },
        create: { workerId, host: this.host, pid: process.pid },
        update: { beatAt: new Date() },
      });
    }
  }

  /** Unlocks the jobs of dead workers; returns their ids. */
  async releaseJobsOfDeadWorkers(): Promise<string[]> {
    const secs = this.deadAfterMs / 1000;
    const dead = await this.db.$queryRaw<{ workerId: string }[]>`
      SELECT DISTINCT j.locked_by AS "workerId" FROM graphile_worker.jobs j
      LEFT JOIN "WorkerHeartbeat" h ON h."workerId" = j.locked_by
      WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => ${secs})
        AND (h."beatAt" IS NULL OR h."beatAt" < now() - make_interval(secs => ${secs}))`;
    const ids = dead.map((d) => d.workerId).filter((id) => !this.ids.has(id));
    if (ids.length > 0)
      await this.db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
    // Heartbeats of workers gone for a day are of no further use.
    await this.db.workerHeartbeat.deleteMany({
      where: { beatAt: { lt: new Date(Date.now() - 86_400_000) } },
    });
    return ids;
  }
}
