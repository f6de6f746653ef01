import os from "node:os";
import type { Task } from "graphile-worker";
import { jobDefinitions } from "@loupe/jobs";
import type { GpuSlotPool } from "@loupe/generation";
import { runGenerationChunk } from "@loupe/api/generation";
import type { Runtime } from "@loupe/api";

/**
 * One chunk of a generation job. Not a JobRun: the generation job is what people follow (its
 * page shows done, failed, rate and ETA); a thousand chunk rows would drown the Jobs page.
 */
export function generateChunkTask(
  runtime: Pick<Runtime, "db" | "storage" | "secret">,
  opts: { slots: GpuSlotPool; heartbeatMs: number; deadAfterMs: number; host?: string },
): Task {
  return async (raw, helpers) => {
    const target = jobDefinitions.generateChunk.payload.parse(raw);
    await runGenerationChunk(runtime, target, {
      workerId: helpers.job.locked_by ?? `unknown-${process.pid}`,
      host: opts.host ?? os.hostname(),
      slots: opts.slots,
      signal: helpers.abortSignal,
      heartbeatMs: opts.heartbeatMs,
      deadAfterMs: opts.deadAfterMs,
      lastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
    });
  };
}
