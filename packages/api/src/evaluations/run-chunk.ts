/**
 * One chunk of an evaluation run, as a worker runs it: for each metric, the chunk's outputs that
 * have no value yet are scored and their values (or reasons) written; then the chunk is marked
 * done, and the chunk that finds no other pending chunk queues the summary. A chunk retried after
 * a crash recomputes nothing already written; encoder outputs come from the feature cache.
 */
import type { Db } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import { metricsOfRun } from "./config";
import { enqueueEvaluationSummary } from "./enqueue";
import { scoreOutputs, type ChunkOutput } from "./score-outputs";

export async function runEvaluationChunk(
  runtime: { db: Db; storage: MediaStorage },
  target: { runId: string; chunk: number },
): Promise<void> {
  const { db, storage } = runtime;
  const run = await db.evaluationRun.findUnique({ where: { id: target.runId } });
  if (!run || run.status === "cancelled" || run.status === "done" || run.status === "failed") return;
  const chunk = await db.evaluationChunk.findUnique({
    where: { runId_index: { runId: run.id, index: target.chunk } },
  });
  if (!chunk || chunk.status === "done") return;
  if (run.status === "queued") {
    await db.evaluationRun.updateMany({
      where: { id: run.id, status: "queued" },
      data: { status: "running", startedAt: new Date() },
    });
  }

  const metrics = metricsOfRun(run.config);
  const rows = await db.output.findMany({
    where: { id: { in: chunk.outputIds } },
    select: {
      id: true,
      promptId: true,
      asset: { select: { id: true, sha256: true, kind: true } },
      prompt: {
        select: {
          text: true,
          references: {
            select: { role: true, position: true, asset: { select: { id: true, sha256: true } } },
          },
        },
      },
    },
  });
  const outputs: ChunkOutput[] = rows;
  for (const metric of metrics) {
    const done = await db.metricValue.findMany({
      where: { runId: run.id, metric: metric.key, outputId: { in: chunk.outputIds } },
      select: { outputId: true },
    });
    const doneIds = new Set(done.map((d) => d.outputId));
    const todo = outputs.filter((o) => !doneIds.has(o.id));
    if (todo.length === 0) continue;
    const scores = await scoreOutputs(db, storage, metric, todo);
    const data = [...scores].map(([outputId, score]) => ({
      runId: run.id,
      metric: metric.key,
      outputId,
      value: "value" in score && Number.isFinite(score.value) ? score.value : null,
      error:
        "value" in score
          ? Number.isFinite(score.value)
            ? null
            : "the metric is not finite"
          : score.error.slice(0, 2000),
    }));
    if (data.length) await db.metricValue.createMany({ data, skipDuplicates: true });
  }

  await db.evaluationChunk.update({
    where: { runId_index: { runId: run.id, index: chunk.index } },
    data: { status: "done", finishedAt: new Date() },
  });
  const pending = await db.evaluationChunk.count({ where: { runId: run.id, status: "pending" } });
  if (pending === 0) await enqueueEvaluationSummary(db, run.id);
}
