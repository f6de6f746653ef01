/**
 * A worker running one chunk of a generation job: the chunk's items (in the job's fixed order)
 * that have no output yet are generated through the model's adapter — at the adapter's
 * concurrency, GPU work one call per GPU slot — and each result is validated and stored like an
 * upload, with its latency, steps, adapter and machine.
 *
 * Crash safety: an output is written in one transaction keyed by (model, prompt, seed,
 * parameters), so a chunk that is run again after a crash skips what was stored and cannot store
 * anything twice. The chunk beats a heartbeat while it runs; a worker that dies stops beating,
 * and `releaseChunksOfDeadWorkers` hands its chunk to another worker.
 *
 * A failed item (after its retries) is recorded with the adapter's error and the chunk goes on;
 * only a crash of the runner itself fails the chunk (and graphile-worker retries it).
 */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db } from "@loupe/db";
import {
  createAdapter,
  GenerationError,
  itemsOfChunk,
  withRetries,
  type AdapterConfig,
  type GeneratedMedia,
  type GenerationAdapter,
  type GpuSlotPool,
} from "@loupe/generation";
import { MediaRejectedError, type MediaLimits } from "@loupe/media";
import type { Runtime } from "../runtime";
import { adapterOf } from "../models/service";
import { storeOutput } from "../outputs/import/store-output";
import { readSecret } from "../secrets/service";
import { DEFAULT_DEAD_AFTER_MS } from "./dead-workers";

export type ChunkContext = {
  /** graphile-worker's id for the worker running the chunk (its lock holder). */
  workerId: string;
  host: string;
  slots: GpuSlotPool;
  /** Aborted when the worker is stopping. */
  signal?: AbortSignal;
  /** How often the chunk beats its heartbeat and checks for cancellation. */
  heartbeatMs?: number;
  /** A chunk whose heartbeat is older than this was held by a dead worker and may be taken. */
  deadAfterMs?: number;
  /** graphile-worker's last attempt at this chunk: failing now fails its remaining items. */
  lastAttempt?: boolean;
  limits?: MediaLimits;
};

export type ChunkOutcome = { status: "done" | "cancelled" | "skipped"; produced: number; failed: number };

type Item = { promptId: string; externalId: string; text: string; seed: bigint };

export async function runGenerationChunk(
  runtime: Pick<Runtime, "db" | "storage" | "secret">,
  target: { jobId: string; chunk: number },
  ctx: ChunkContext,
): Promise<ChunkOutcome> {
  const { db } = runtime;
  const job = await db.generationJob.findUnique({ where: { id: target.jobId }, include: { model: true } });
  if (!job || job.status === "cancelled" || job.status === "done")
    return { status: "skipped", produced: 0, failed: 0 };
  const deadAfterMs = ctx.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS;
  // Claimed when waiting, or held by a worker whose heartbeat stopped; a chunk another live
  // worker holds (a resume that raced a stopping run) is left to it. Times are the database's.
  const claimed = await db.$executeRaw`
    UPDATE "GenerationChunk"
    SET status = 'running', "workerId" = ${ctx.workerId}, "workerHost" = ${ctx.host}, "heartbeatAt" = now()
    WHERE "jobId" = ${job.id} AND "index" = ${target.chunk}
      AND (status = 'pending'
           OR (status = 'running' AND "heartbeatAt" < now() - make_interval(secs => ${deadAfterMs / 1000})))`;
  if (claimed === 0) return { status: "skipped", produced: 0, failed: 0 };
  await db.generationJob.updateMany({
    where: { id: job.id, status: "queued" },
    data: { status: "running", startedAt: new Date() },
  });
  const mine = { jobId: job.id, index: target.chunk, workerId: ctx.workerId };

  // Cancellation (by a person), the worker stopping and losing the chunk to another worker all
  // abort the calls in flight.
  const stop = new AbortController();
  const onWorkerStop = () => stop.abort(new Error("the worker is stopping"));
  ctx.signal?.addEventListener("abort", onWorkerStop, { once: true });
  const heartbeat = setInterval(() => {
    void (async () => {
      const beat = await db.$executeRaw`
        UPDATE "GenerationChunk" SET "heartbeatAt" = now()
        WHERE "jobId" = ${job.id} AND "index" = ${target.chunk} AND "workerId" = ${ctx.workerId}
          AND status = 'running'`;
      if (beat === 0) stop.abort(new Error("another worker took this chunk over"));
      const now = await db.generationJob.findUnique({ where: { id: job.id }, select: { status: true } });
      if (!now || now.status === "cancelled") stop.abort(new Error("the job was cancelled"));
    })().catch(() => undefined);
  }, ctx.heartbeatMs ?? 5000);

  let produced = 0;
  let failed = 0;
  let todo: Item[] = [];
  let adapter: GenerationAdapter | undefined;
  let gaveUp = false;
  try {
    const items = await chunkItems(db, job, target.chunk);
    const have = await producedKeys(db, job, items);
    todo = items.filter((i) => !have.has(`${i.promptId}|${i.seed}`));

    // The model's settings and secret: a problem here fails every item with its reason (retrying
    // would not change a missing adapter or a secret this worker cannot decrypt).
    let adapterConfig: AdapterConfig | null = null;
    let setupError: string | null = null;
    try {
      adapterConfig = adapterOf(job.model);
      if (!adapterConfig) setupError = "the model has no adapter any more";
      else {
        const authSecret =
          adapterConfig.kind === "http" && adapterConfig.authSecret
            ? await readSecret(db, runtime.secret, job.projectId, adapterConfig.authSecret)
            : undefined;
        adapter = createAdapter(adapterConfig, { authSecret });
      }
    } catch (err) {
      setupError = err instanceof Error ? err.message : String(err);
    }
    if (setupError || !adapter || !adapterConfig) {
      for (const item of todo) await recordFailure(db, job.id, item, setupError ?? "no adapter", 0, ctx.host);
      failed = todo.length;
    } else {
      const queue = [...todo];
      const lane = async () => {
        for (let item = queue.shift(); item && !stop.signal.aborted; item = queue.shift()) {
          const ok = await generateOne(runtime, job, item, adapter!, adapterConfig, ctx, stop.signal);
          if (ok === true) produced++;
          else if (ok === false) failed++;
        }
      };
      // One lane failing (the database went away) stops the others before the chunk is retried.
      const lanes = await Promise.allSettled(
        Array.from({ length: Math.min(adapterConfig.concurrency, todo.length) }, async () => {
          try {
            await lane();
          } catch (err) {
            stop.abort(err);
            throw err;
          }
        }),
      );
      const broken = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
      if (broken) throw broken.reason;
    }
  } catch (err) {
    clearInterval(heartbeat);
    if (!ctx.lastAttempt) {
      // Back to the queue for graphile-worker's retry (another worker may take it).
      await db.generationChunk.updateMany({ where: mine, data: { status: "pending", workerId: null } });
      throw err;
    }
    // The last attempt: what is still missing fails with the reason, and the chunk is done, so
    // the job finishes (a resume retries these items).
    gaveUp = true;
    const message = `the chunk failed: ${err instanceof Error ? err.message : String(err)}`;
    const made = await producedKeys(db, job, todo);
    for (const item of todo.filter((i) => !made.has(`${i.promptId}|${i.seed}`)))
      await recordFailure(db, job.id, item, message, 0, ctx.host);
  } finally {
    clearInterval(heartbeat);
    ctx.signal?.removeEventListener("abort", onWorkerStop);
    await adapter?.close?.();
  }

  if (stop.signal.aborted && !gaveUp) {
    // Left for a resume (or, when the worker stops, for the retry graphile-worker schedules).
    await db.generationChunk.updateMany({ where: mine, data: { status: "pending", workerId: null } });
    if (ctx.signal?.aborted) throw new Error("the worker stopped in the middle of the chunk");
    return { status: "cancelled", produced, failed };
  }
  await db.generationChunk.updateMany({ where: mine, data: { status: "done", finishedAt: new Date() } });
  // The last chunk to finish closes the job (the condition makes exactly one of them do it).
  await db.$executeRaw`
    UPDATE "GenerationJob" SET status = 'done', "finishedAt" = now()
    WHERE id = ${job.id} AND status = 'running'
      AND NOT EXISTS (SELECT 1 FROM "GenerationChunk" WHERE "jobId" = ${job.id} AND status <> 'done')`;
  return { status: "done", produced, failed };
}

/** Which of these items have an output now. */
async function producedKeys(
  db: Db,
  job: { modelId: string; paramsHash: string },
  items: readonly Item[],
): Promise<Set<string>> {
  const rows = await db.output.findMany({
    where: {
      modelId: job.modelId,
      paramsHash: job.paramsHash,
      promptId: { in: [...new Set(items.map((i) => i.promptId))] },
      seed: { in: [...new Set(items.map((i) => i.seed))] },
    },
    select: { promptId: true, seed: true },
  });
  return new Set(rows.map((o) => `${o.promptId}|${o.seed}`));
}

/** The chunk's (prompt, seed) items, reading only the prompts the chunk spans. */
async function chunkItems(
  db: Db,
  job: { promptSetId: string; seeds: bigint[]; chunkSize: number },
  chunk: number,
) {
  const perPrompt = job.seeds.length;
  const first = Math.floor((chunk * job.chunkSize) / perPrompt);
  const last = Math.floor(((chunk + 1) * job.chunkSize - 1) / perPrompt);
  const prompts = await db.prompt.findMany({
    where: { promptSetId: job.promptSetId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    skip: first,
    take: last - first + 1,
    select: { id: true, externalId: true, text: true },
  });
  // itemsOfChunk indexes prompts from 0; hand it the window with `first` empty slots before it.
  const window = new Array<(typeof prompts)[number] | undefined>(first).concat(prompts);
  return itemsOfChunk(chunk, job.chunkSize, window, job.seeds)
    .filter((i): i is typeof i & { prompt: NonNullable<typeof i.prompt> } => i.prompt !== undefined)
    .map((i): Item => ({
      promptId: i.prompt.id,
      externalId: i.prompt.externalId,
      text: i.prompt.text,
      seed: i.seed,
    }));
}

/** true: stored; false: failed and recorded; null: stopped (cancelled or worker stopping). */
async function generateOne(
  runtime: Pick<Runtime, "db" | "storage">,
  job: { id: string; projectId: string; modelId: string; paramsHash: string; params: unknown },
  item: Item,
  adapter: GenerationAdapter,
  config: { attempts: number; timeoutSeconds: number },
  ctx: ChunkContext,
  stop: AbortSignal,
): Promise<boolean | null> {
  const params = (job.params ?? {}) as Record<string, unknown>;
  const workDir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-gen-"));
  let attempts = 0;
  try {
    let latencyMs = 0;
    const attempt = (cudaVisibleDevices: string | undefined) => async (signal: AbortSignal) => {
      attempts++;
      await fsp.rm(workDir, { recursive: true, force: true });
      await fsp.mkdir(workDir);
      const t0 = performance.now();
      const result: GeneratedMedia & { executionProvider?: string } = await adapter.generate({
        prompt: item.text,
        promptId: item.externalId,
        seed: item.seed,
        params,
        signal,
        workDir,
        cudaVisibleDevices,
      });
      latencyMs = Math.round(performance.now() - t0);
      return result;
    };
    const retrying = (cudaVisibleDevices: string | undefined) =>
      withRetries(attempt(cudaVisibleDevices), {
        attempts: config.attempts,
        timeoutMs: config.timeoutSeconds * 1000,
        signal: stop,
      });
    // A GPU item holds its slot for all its attempts; waiting for the slot is not part of the
    // per-call timeout (more lanes than slots must queue, not time out).
    const { value } = adapter.usesGpu
      ? await ctx.slots.use((slot) => retrying(slot.cudaVisibleDevices), stop)
      : await retrying(undefined);
    await storeOutput(
      runtime,
      job.projectId,
      { modelId: job.modelId, promptId: item.promptId, seed: item.seed, paramsHash: job.paramsHash },
      {
        params,
        latencyMs,
        steps: value.steps,
        generation: {
          jobId: job.id,
          adapter: adapter.kind,
          executionProvider: value.executionProvider,
          workerHost: ctx.host,
        },
      },
      value.media,
      ctx.limits,
    );
    await runtime.db.generationFailure.deleteMany({
      where: { jobId: job.id, promptId: item.promptId, seed: item.seed },
    });
    return true;
  } catch (err) {
    if (stop.aborted) return null;
    const message = err instanceof Error ? err.message : String(err);
    await recordFailure(runtime.db, job.id, item, message, attempts, ctx.host);
    // Adapter and media errors are the item's; anything else is worth a line in the worker's log.
    if (!(err instanceof GenerationError) && !(err instanceof MediaRejectedError))
      console.error(`[generation] ${job.id} prompt ${item.externalId} seed ${item.seed}: ${message}`);
    return false;
  } finally {
    await fsp.rm(workDir, { recursive: true, force: true });
  }
}

async function recordFailure(
  db: Db,
  jobId: string,
  item: Item,
  error: string,
  attempts: number,
  host: string,
) {
  const data = { error: error.slice(0, 2000), attempts, workerHost: host, createdAt: new Date() };
  await db.generationFailure.upsert({
    where: { jobId_promptId_seed: { jobId, promptId: item.promptId, seed: item.seed } },
    create: { jobId, promptId: item.promptId, seed: item.seed, ...data },
    update: data,
  });
}
