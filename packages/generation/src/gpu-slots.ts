/**
 * GPU slots: `LOUPE_GPU_SLOTS` lists one CUDA_VISIBLE_DEVICES value per slot ("0,1" is two slots,
 * one GPU each; "0,0" is two slots sharing GPU 0; "0+1" one slot seeing GPUs 0 and 1). A call of a
 * GPU adapter holds one slot for its duration, so a worker never runs more GPU work at once than
 * it has slots. Without the setting a worker has one slot and leaves CUDA_VISIBLE_DEVICES alone.
 */
export type GpuSlot = { index: number; cudaVisibleDevices: string | undefined };

export function parseGpuSlots(value: string | undefined): GpuSlot[] {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return [{ index: 0, cudaVisibleDevices: undefined }];
  return trimmed.split(",").map((raw, index) => {
    const devices = raw.trim();
    if (!/^\d+(\+\d+)*$/.test(devices))
      throw new Error(
        `LOUPE_GPU_SLOTS: "${devices}" is not a device index (use e.g. "0,1", or "0+1" for one slot with two GPUs)`,
      );
    return { index, cudaVisibleDevices: devices.replaceAll("+", ",") };
  });
}

/** A pool of slots: `use` waits for a free one, runs the call, and gives the slot back. */
export class GpuSlotPool {
  private readonly free: GpuSlot[];
  private readonly waiting: ((slot: GpuSlot) => void)[] = [];

  constructor(readonly slots: readonly GpuSlot[]) {
    this.free = [...slots];
  }

  /** Waits for a free slot (giving up when `signal` aborts), runs `call` on it, gives it back. */
  async use<T>(call: (slot: GpuSlot) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const slot =
      this.free.shift() ??
      (await new Promise<GpuSlot>((resolve, reject) => {
        const waiter = (s: GpuSlot) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(s);
        };
        const onAbort = () => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(signal!.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        this.waiting.push(waiter);
      }));
    try {
      return await call(slot);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }
}
