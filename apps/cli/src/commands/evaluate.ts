/**
 * `loupe evaluate`: automatic metrics over a study's, a prompt set's or a generation job's outputs.
 * Creates an evaluation run (metrics whose model is not registered are skipped, with how to
 * register one) and follows it with a progress bar, then prints each metric per model. Workers
 * anywhere on the same database do the work; --worker also runs one in this process.
 */
import { createEvaluationRun, getEvaluationRun } from "@loupe/api/evaluations";
import { METRIC_IDS, type MetricId } from "@loupe/evaluators";
import type { RunningWorker } from "@loupe/worker";
import { CliError } from "../errors";
import { progressBar } from "../progress";
import { startInProcessWorker } from "./in-process-worker";
import { withDatabase } from "./with-db";

export type EvaluateCliOptions = {
  project: string;
  study?: string;
  promptSet?: string;
  generationJob?: string;
  metric: string[];
  referenceModel?: string;
  referenceRole?: string;
  worker?: boolean;
  detach?: boolean;
};

/**
 * "clip-score" or "clip-score:my-clip" (a metric and the registered model it uses); PCK as
 * "pck", "pck@0.05" (α) or "pck@0.1-image" (α of the image's longer side, not the object box's).
 */
function parseMetric(value: string, opts: EvaluateCliOptions) {
  const pck = /^pck(?:@([0-9.]+))?(-image)?$/.exec(value);
  if (pck) {
    const alpha = pck[1] === undefined ? undefined : Number(pck[1]);
    if (alpha !== undefined && !(alpha > 0 && alpha <= 1))
      throw new CliError(`--metric ${value}: α must be a number in (0, 1]`);
    return {
      metric: "pck" as const,
      ...(alpha !== undefined ? { alpha } : {}),
      ...(pck[2] ? { pckBox: "image" as const } : {}),
    };
  }
  const [metric, model] = value.split(":");
  if (!METRIC_IDS.includes(metric as MetricId)) {
    throw new CliError(`--metric: "${metric}" is not one of ${METRIC_IDS.join(", ")}`);
  }
  const reference = opts.referenceModel
    ? { model: opts.referenceModel }
    : opts.referenceRole
      ? { role: opts.referenceRole }
      : undefined;
  return {
    metric: metric as MetricId,
    ...(model ? { model } : {}),
    ...(metric === "fid" || metric === "kid" ? { reference } : {}),
  };
}

export async function evaluateCommand(opts: EvaluateCliOptions) {
  await withDatabase(async (db, paths, database) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const scopes = [
      opts.study && { scope: "study" as const, scopeId: opts.study },
      opts.promptSet && { scope: "prompt-set" as const, scopeId: opts.promptSet },
      opts.generationJob && { scope: "generation-job" as const, scopeId: opts.generationJob },
    ].filter((s) => !!s);
    if (scopes.length !== 1)
      throw new CliError("give one of --study <id>, --prompt-set <id>, --generation-job <id>");
    const created = await createEvaluationRun(db, project.id, {
      ...scopes[0]!,
      config: { metrics: opts.metric.map((m) => parseMetric(m, opts)) },
    });
    for (const s of created.skipped) console.error(`skipped ${s.key}: ${s.reason}`);
    console.log(`evaluation ${created.id}: ${created.metrics.join(", ")} over ${created.total} outputs`);
    if (opts.detach) return;
    if (database.temporary && !opts.worker) {
      throw new CliError(
        `no Loupe is running on ${paths.root} and DATABASE_URL is not set, so no worker can reach this run; add --worker`,
      );
    }
    let worker: RunningWorker | undefined;
    if (opts.worker) {
      worker = await startInProcessWorker(paths, database);
    }
    try {
      const bar = progressBar("evaluating", "chunks");
      for (;;) {
        const run = await getEvaluationRun(db, project.id, created.id);
        bar.update(run.chunksDone, run.chunkCount, {});
        if (run.status === "done" || run.status === "failed" || run.status === "cancelled") {
          bar.stop();
          if (run.error) console.error(`failed: ${run.error}`);
          for (const metric of run.summary?.metrics ?? []) {
            console.log(`${metric.label}${metric.notes.length ? ` [${metric.notes.join("; ")}]` : ""}`);
            for (const m of metric.perModel) {
              const interval =
                m.low !== null && m.high !== null ? ` [${m.low.toFixed(4)}, ${m.high.toFixed(4)}]` : "";
              console.log(
                `  ${m.modelName}\t${m.value.toFixed(4)}${interval}\tn=${m.n}${m.failed ? `, ${m.failed} failed` : ""}`,
              );
            }
            for (const e of metric.errors) console.log(`  ${e.modelName}\t– ${e.error}`);
          }
          if (run.failures.length)
            console.log(
              `${run.failures.length} outputs could not be scored; first: ${run.failures[0]!.error}`,
            );
          if (run.status !== "done") process.exitCode = 1;
          return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      await worker?.stop();
    }
  });
}
