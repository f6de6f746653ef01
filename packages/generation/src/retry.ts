/**
 * Calling an adapter with a timeout per call and retries with exponential backoff for transient
 * failures. A permanent failure (or the last transient one) is thrown to the caller, which records
 * it against the item; the job goes on.
 */
import { GenerationError, isTransient } from "./adapter";

export type RetryOptions = {
  attempts: number;
  timeoutMs: number;
  /** First backoff; doubles per attempt, with ±50% jitter so retries from many workers spread. */
  baseDelayMs?: number;
  /** Aborts the whole item (job cancelled, worker stopping). */
  signal?: AbortSignal;
  random?: () => number;
};

export type Attempted<T> = { value: T; attempts: number };

export async function withRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  opts: RetryOptions,
): Promise<Attempted<T>> {
  const base = opts.baseDelayMs ?? 500;
  const random = opts.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    try {
      return { value: await call(signal), attempts: attempt };
    } catch (err) {
      const error = timeout.aborted
        ? new GenerationError(`timed out after ${Math.round(opts.timeoutMs / 1000)} s`, true)
        : err;
      if (opts.signal?.aborted || !isTransient(error) || attempt >= opts.attempts) throw error;
      const delay = base * 2 ** (attempt - 1) * (0.5 + random());
      await sleep(delay, opts.signal);
    }
  }
}

/** A backoff pause that ends early (rejecting) when the item is cancelled. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
