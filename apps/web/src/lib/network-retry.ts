import { TRPCClientError } from "@trpc/client";

/** A request that never got an answer (offline, connection reset), as opposed to a refusal. */
export function isNetworkError(err: unknown) {
  return err instanceof TRPCClientError && !err.data;
}

/**
 * Runs `call` again, with backoff, while the network fails. Only safe for calls that are
 * idempotent on the server — a judgment carries its idempotency key, so a retry of a request
 * that did reach the server returns the first result instead of recording a second one.
 */
export async function retryOnNetworkError<T>(call: () => Promise<T>, retries = 3): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isNetworkError(err) || attempt >= retries) throw err;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}
