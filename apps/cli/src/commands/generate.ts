/**
 * `loupe generate`: run a model on a prompt set — create a generation job (or pick up one with
 * --job) and follow it with a progress bar (done, failed, rate, ETA) until every item was tried,
 * then list the failures with the adapter's error. Workers anywhere on the same database do the
 * work; --worker also runs one in this process (the one-command way on a GPU box).
 *
 * Ctrl-C stops following, never the job: it goes on in the workers, and `--job <id>` follows it
 * again. Exits 1 when any item failed, after listing them, so scripts notice.
 */
import { createGenerationJob, getGenerationJob } from "@loupe/api/generation";
import type { Db } from "@loupe/db";
import type { RunningWorker } from "@loupe/worker";
import { CliError } from "../errors";
import { progressBar } from "../progress";
import { startInProcessWorker } from "./in-process-worker";
import { withDatabase } from "./with-db";

export type GenerateCliOptions = {
  project: string;
  model?: string;
  promptSet?: string;
  seeds?: string;
  params?: string;
  chunkSize?: number;
  job?: string;
  worker?: boolean;
  detach?: boolean;
};

/** "4" is seeds 0..3; "1,7,42" are those seeds. */
export function parseSeeds(value: string | undefined): number | string[] {
  if (value === undefined) return 1;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const seeds = value.split(",").map((s) => s.trim());
  if (seeds.some((s) => !/^-?\d+$/.test(s)))
    throw new CliError(
      `--seeds: a count ("4") or a comma-separated list of integers ("1,7,42"), not "${value}"`,
    );
  return seeds;
}

function parseParams(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  throw new CliError(`--params: a JSON object, e.g. '{"steps": 4, "guidance": 7.5}'`);
}

const formatEta = (seconds: number | null) =>
  seconds === null
    ? "–"
    : seconds >= 3600
      ? `${(seconds / 3600).toFixed(1)} h`
      : seconds >= 60
        ? `${Math.round(seconds / 60)} min`
        : `${seconds} s`;

export async function generateCommand(opts: GenerateCliOptions): Promise<void> {
  const failed = await withDatabase(async (db, paths, database) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    let jobId = opts.job;
    if (!jobId) {
      if (!opts.model || !opts.promptSet)
        throw new CliError("give --model and --prompt-set (or --job <id> to follow a job)");
      const created = await createGenerationJob(db, project.id, {
        model: opts.model,
        promptSet: opts.promptSet,
        seeds: parseSeeds(opts.seeds),
        params: parseParams(opts.params) as Record<string, never>,
        ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
      });
      jobId = created.id;
      console.log(`generation job ${jobId}: ${created.total} items in ${created.chunkCount} chunks`);
    }
    if (opts.detach) return 0;
    if (database.temporary && !opts.worker)
      throw new CliError(
        `no Loupe is running on ${paths.root} and DATABASE_URL is not set, so no worker can reach this job; add --worker, or start Loupe and run again with --job ${jobId}`,
      );
    let worker: RunningWorker | undefined;
    if (opts.worker) worker = await startInProcessWorker(paths, database);
    try {
      return await follow(db, project.id, jobId, { hint: !opts.worker });
    } finally {
      await worker?.stop();
    }
  });
  if (failed > 0) process.exitCode = 1;
}

/** Polls the job until it is done or cancelled; returns how many items failed. */
async function follow(db: Db, projectId: string, jobId: string, opts: { hint: boolean }): Promise<number> {
  const bar = progressBar("generating", "{rate}/s, ETA {eta}, {failed} failed");
  const t0 = Date.now();
  let hinted = false;
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
  };
  process.once("SIGINT", onInterrupt);
  try {
    for (;;) {
      const job = await getGenerationJob(db, projectId, jobId);
      const p = job.progress;
      bar.update(p.done + p.failed, p.total, {
        rate: p.perSecond?.toFixed(2) ?? "–",
        eta: formatEta(p.etaSeconds),
        failed: p.failed,
      });
      if (job.status === "done" || job.status === "cancelled" || interrupted) {
        bar.stop();
        if (interrupted)
          console.log(`stopped following; the job goes on. Follow it again with --job ${jobId}`);
        for (const f of job.failures.slice(0, 100))
          console.log(
            `failed: prompt ${f.promptId}, seed ${f.seed} (${f.attempts} attempts on ${f.workerHost}): ${f.error}`,
          );
        if (job.failures.length > 100) console.log(`… and more; see the job's page`);
        console.log(
          `${job.status === "cancelled" ? "cancelled" : "finished"}: ${p.done} of ${p.total} outputs, ${p.failed} failed`,
        );
        // A cancelled job did not make everything: scripts see it as not done.
        return job.status === "cancelled" ? Math.max(1, p.failed) : p.failed;
      }
      if (opts.hint && !hinted && p.done + p.failed === 0 && Date.now() - t0 > 20_000) {
        hinted = true;
        console.error(
          "nothing has been generated yet: is a worker running? (`loupe worker`, or add --worker)",
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    process.removeListener("SIGINT", onInterrupt);
  }
}
