/**
 * Items decided on worker threads (`@loupe/curation/threads`, kept out of the package's main entry
 * so that the web app's bundle never meets the thread entry and tsx), so that the JavaScript pixel work (luma, the Laplacian, the
 * histogram, the hash reductions) of several items runs on several cores at once, beside
 * libvips's own threads. Each thread holds the pipeline (and any model it runs) once.
 */
import { Worker } from "node:worker_threads";
import type { Pipeline, PipelineDefinition } from "../pipeline-definition";
import type { SourceItem } from "../sources/item";
import type { ModelRegistry } from "../stages/stage";
import { decideShard, type CurationDecision, type DecideShardOptions } from "./decide-shard";

/**
 * The thread's entry file. Named through a variable on purpose: bundlers (the web app's Next
 * build, which imports this package for its types and pure parts) follow a literal
 * `new URL("…", import.meta.url)` and would try to bundle tsx and esbuild into the web server.
 */
const THREAD_ENTRY = "./decide-worker.mjs";

type Pending = { resolve: (d: CurationDecision) => void; reject: (e: Error) => void };

export class DecisionPool {
  private readonly threads: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closing = false;
  /** Why the pool can no longer decide, once a thread has died. */
  broken: Error | null = null;
  private turn = 0;

  constructor(definition: PipelineDefinition, models: ModelRegistry, threads: number) {
    const workerData = { definition, models: [...models] };
    this.threads = Array.from({ length: threads }, () => {
      const thread = new Worker(new URL(THREAD_ENTRY, import.meta.url), { workerData });
      thread.on("message", (m: { id: number; decision?: CurationDecision; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (this.pending.size === 0) this.setHeld(false);
        if (m.decision) p?.resolve(m.decision);
        else p?.reject(new Error(m.error ?? "the decision thread failed"));
      });
      // A thread that dies fails what it was deciding and everything after: the shard job is
      // retried, on a fresh pool.
      const fail = (err: Error) => {
        this.broken ??= err;
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.setHeld(false);
      };
      thread.on("error", fail);
      thread.on("exit", (code) => {
        if (!this.closing) fail(new Error(`a decision thread stopped (exit code ${code})`));
      });
      // An idle pool must not keep the process alive (setHeld refs the threads while they work).
      thread.unref();
      return thread;
    });
  }

  decide(item: SourceItem): Promise<CurationDecision> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.pending.size === 0) this.setHeld(true);
    const id = this.nextId++;
    const thread = this.threads[this.turn++ % this.threads.length]!;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.postMessage({ id, item });
    });
  }

  /** Threads with work keep the process alive; idle ones do not. */
  private setHeld(held: boolean): void {
    for (const t of this.threads)
      if (held) t.ref();
      else t.unref();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}

/** How long an unused pool's threads are kept for the run's next shard. */
const IDLE_MS = 30_000;
const shared = new Map<string, { pool: DecisionPool; users: number; timer?: NodeJS.Timeout }>();

/**
 * A pool for this pipeline, shared by the shards of one run that this process decides: starting
 * threads (each loads the stages, and the ONNX runtime for model stages) takes about a second,
 * once per run instead of once per shard. Released pools close after IDLE_MS unused.
 */
export function acquireDecisionPool(
  definition: PipelineDefinition,
  models: ModelRegistry,
  threads: number,
): { pool: DecisionPool; release: () => void } {
  const key = JSON.stringify([definition, [...models], threads]);
  let entry = shared.get(key);
  if (entry?.pool.broken) {
    shared.delete(key);
    entry = undefined;
  }
  if (!entry) {
    entry = { pool: new DecisionPool(definition, models, threads), users: 0 };
    shared.set(key, entry);
  }
  clearTimeout(entry.timer);
  entry.users++;
  const held = entry;
  let released = false;
  return {
    pool: held.pool,
    release: () => {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      held.timer = setTimeout(() => {
        if (held.users > 0) return;
        shared.delete(key);
        void held.pool.close();
      }, IDLE_MS);
      held.timer.unref();
    },
  };
}

/**
 * A shard's decisions on worker threads: `decideShard` with the run's shared pool, two items in
 * flight per thread.
 */
export async function decideShardOnThreads(
  items: readonly SourceItem[],
  pipeline: Pipeline,
  opts: Omit<DecideShardOptions, "decide"> & { threads: number },
): Promise<CurationDecision[]> {
  const models = opts.models ?? new Map();
  const held = acquireDecisionPool(pipeline.definition, models, opts.threads);
  try {
    return await decideShard(items, pipeline, {
      ...opts,
      concurrency: opts.concurrency ?? 2 * opts.threads,
      decide: (item) => held.pool.decide(item),
    });
  } finally {
    held.release();
  }
}
