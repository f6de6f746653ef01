/**
 * The one interface every generation adapter implements: given a prompt, a seed and sampling
 * parameters, produce one media file. Adapters know nothing of the database, the queue or the
 * storage; the worker's chunk runner glues them to those.
 */

/** One item of a generation job. */
export type GenerationRequest = {
  prompt: string;
  /** The prompt's id in its prompt set (for file layouts and templates). */
  promptId: string;
  seed: bigint;
  /** Sampling parameters (steps, guidance, size, ...), merged from the model and the job. */
  params: Record<string, unknown>;
  /** Aborted on the per-call timeout or when the job is cancelled. */
  signal: AbortSignal;
  /** The GPU slot's CUDA_VISIBLE_DEVICES value, when the adapter runs on this machine's GPU. */
  cudaVisibleDevices?: string;
  /** A private, empty directory for this call (the command adapter's output directory). */
  workDir: string;
};

/** What an adapter produced: the bytes, or a file on this machine, plus what it reports. */
export type GeneratedMedia = {
  media: Buffer | { path: string };
  /** Sampler steps / network function evaluations, when the generator reports them. */
  steps?: number;
};

export interface GenerationAdapter {
  readonly kind: AdapterKind;
  /** Whether calls run on this machine's accelerator, and so take one of the worker's GPU slots. */
  readonly usesGpu: boolean;
  generate(request: GenerationRequest): Promise<GeneratedMedia>;
  /** Releases sessions, processes or sockets; the worker calls it when a chunk ends. */
  close?(): Promise<void>;
}

export type AdapterKind = "http" | "command" | "onnx" | "import";

/**
 * A failed call, with whether trying again may help: timeouts, connection errors, 429 and 5xx
 * are transient (retried with backoff); a 4xx, a response that is not media or a script that
 * exits non-zero are permanent for this item (recorded, never retried in the same run).
 */
export class GenerationError extends Error {
  override name = "GenerationError";
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export function isTransient(err: unknown): boolean {
  return err instanceof GenerationError && err.transient;
}
