import { describe, expect, it } from "vitest";
import { GenerationError } from "./adapter";
import { withRetries } from "./retry";

const fast = { timeoutMs: 1000, baseDelayMs: 1, random: () => 0.5 };

describe("withRetries", () => {
  it("retries transient failures and reports the attempts it took", async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        if (++calls < 3) throw new GenerationError("503", true);
        return "ok";
      },
      { ...fast, attempts: 3 },
    );
    expect(result).toEqual({ value: "ok", attempts: 3 });
  });

  it("does not retry a permanent failure", async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new GenerationError("not media", false);
        },
        { ...fast, attempts: 5 },
      ),
    ).rejects.toThrow("not media");
    expect(calls).toBe(1);
  });

  it("turns a call past its timeout into a transient 'timed out' and gives up after the last attempt", async () => {
    let calls = 0;
    const hang = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => {
        calls++;
        signal.addEventListener("abort", () => reject(signal.reason));
      });
    await expect(withRetries(hang, { ...fast, timeoutMs: 20, attempts: 2 })).rejects.toThrow(/timed out/);
    expect(calls).toBe(2);
  });

  it("stops at once when the item is cancelled", async () => {
    const cancel = new AbortController();
    let calls = 0;
    const pending = withRetries(
      (signal) =>
        new Promise<never>((_, reject) => {
          calls++;
          signal.addEventListener("abort", () => reject(new GenerationError("aborted", true)));
        }),
      { ...fast, attempts: 5, signal: cancel.signal },
    );
    cancel.abort(new Error("cancelled"));
    await expect(pending).rejects.toThrow();
    expect(calls).toBe(1);
  });

  it("a cancel during the backoff pause ends it at once", async () => {
    const cancel = new AbortController();
    const t0 = Date.now();
    const pending = withRetries(
      async () => {
        setTimeout(() => cancel.abort(new Error("cancelled")), 10);
        throw new GenerationError("503", true);
      },
      { timeoutMs: 1000, baseDelayMs: 60_000, attempts: 3, signal: cancel.signal, random: () => 0.5 },
    );
    await expect(pending).rejects.toThrow("cancelled");
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
