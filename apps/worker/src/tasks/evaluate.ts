import type { Task } from "graphile-worker";
import { jobDefinitions } from "@loupe/jobs";
import { runEvaluationChunk, summarizeEvaluation } from "@loupe/api/evaluations";
import type { Runtime } from "@loupe/api";

/**
 * An evaluation run's chunks and its summary. Not JobRuns: the run is what people follow (its page
 * shows progress and the values); a job row per chunk would drown the Jobs page.
 */
export function evaluateChunkTask(runtime: Pick<Runtime, "db" | "storage">): Task {
  return async (raw, helpers) => {
    const target = jobDefinitions.evaluateChunk.payload.parse(raw);
    try {
      await runEvaluationChunk(runtime, target);
    } catch (err) {
      // On the last attempt the run says why it stopped (Resume tries the pending chunks again),
      // instead of staying "running" with a chunk nobody will run.
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await markEvaluationFailed(runtime, target.runId, err);
        return;
      }
      throw err;
    }
  };
}

async function markEvaluationFailed(runtime: Pick<Runtime, "db">, runId: string, err: unknown) {
  await runtime.db.evaluationRun.updateMany({
    where: { id: runId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: (err as Error).message.slice(0, 2000), finishedAt: new Date() },
  });
}

/** When the summary fails on its last attempt, the run says why instead of staying "running". */
export function summarizeEvaluationTask(runtime: Pick<Runtime, "db" | "storage">): Task {
  return async (raw, helpers) => {
    const { runId } = jobDefinitions.summarizeEvaluation.payload.parse(raw);
    try {
      await summarizeEvaluation(runtime, runId);
    } catch (err) {
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await markEvaluationFailed(runtime, runId, err);
        return;
      }
      throw err;
    }
  };
}
