import type { Task } from "graphile-worker";
import { jobDefinitions } from "@loupe/jobs";
import {
  finishCurationRun,
  markCurationRunFailed,
  planCurationRun,
  runCurationShard,
} from "@loupe/api/curation";
import { markCurationAuditFailed, prepareCurationAudit } from "@loupe/api/curation-audits";
import type { Runtime } from "@loupe/api";

type CurationRuntime = Pick<Runtime, "db" | "storage">;

/**
 * A curation run's jobs: plan, shards, finish. Not JobRuns: the run's page is what people follow,
 * and a job row per shard would drown the Jobs page. On a job's last failed attempt the run says
 * why it stopped; Resume takes it up from the shards not yet done.
 */
function curationTask(
  runtime: CurationRuntime,
  runIdOf: (raw: unknown) => string,
  work: (raw: unknown) => Promise<void>,
): Task {
  return async (raw, helpers) => {
    try {
      await work(raw);
    } catch (err) {
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await markCurationRunFailed(runtime.db, runIdOf(raw), err);
        return;
      }
      throw err;
    }
  };
}

export function planCurationTask(runtime: CurationRuntime): Task {
  const parse = (raw: unknown) => jobDefinitions.planCurationRun.payload.parse(raw);
  return curationTask(
    runtime,
    (raw) => parse(raw).runId,
    (raw) => planCurationRun(runtime, parse(raw).runId),
  );
}

export function curateShardTask(runtime: CurationRuntime): Task {
  const parse = (raw: unknown) => jobDefinitions.curateShard.payload.parse(raw);
  return curationTask(
    runtime,
    (raw) => parse(raw).runId,
    (raw) => runCurationShard(runtime, parse(raw)),
  );
}

export function finishCurationTask(runtime: CurationRuntime): Task {
  const parse = (raw: unknown) => jobDefinitions.finishCurationRun.payload.parse(raw);
  return curationTask(
    runtime,
    (raw) => parse(raw).runId,
    (raw) => finishCurationRun(runtime, parse(raw).runId),
  );
}

/** Preparing a filter audit; on its last failed attempt the audit says why. */
export function prepareCurationAuditTask(runtime: CurationRuntime): Task {
  const parse = (raw: unknown) => jobDefinitions.prepareCurationAudit.payload.parse(raw);
  return async (raw, helpers) => {
    const { auditId } = parse(raw);
    try {
      await prepareCurationAudit(runtime, auditId);
    } catch (err) {
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await markCurationAuditFailed(runtime.db, auditId, err);
        return;
      }
      throw err;
    }
  };
}
