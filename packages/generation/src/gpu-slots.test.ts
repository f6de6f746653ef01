import { describe, expect, it } from "vitest";
import { GpuSlotPool, parseGpuSlots } from "./gpu-slots";

describe("parseGpuSlots", () => {
  it("gives one CUDA_VISIBLE_DEVICES value per slot", () => {
    expect(parseGpuSlots("0,1").map((s) => s.cudaVisibleDevices)).toEqual(["0", "1"]);
    expect(parseGpuSlots("0+1, 2").map((s) => s.cudaVisibleDevices)).toEqual(["0,1", "2"]);
    expect(parseGpuSlots(undefined)).toEqual([{ index: 0, cudaVisibleDevices: undefined }]);
  });

  it("names the bad value", () => {
    expect(() => parseGpuSlots("0,gpu1")).toThrow(/LOUPE_GPU_SLOTS: "gpu1"/);
  });
});

describe("GpuSlotPool", () => {
  it("never runs more calls at once than it has slots, and each on its own slot", async () => {
    const pool = new GpuSlotPool(parseGpuSlots("0,1"));
    let running = 0;
    let most = 0;
    const seen = new Set<string>();
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.use(async (slot) => {
          running++;
          most = Math.max(most, running);
          const key = `${slot.cudaVisibleDevices}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          await new Promise((r) => setTimeout(r, 5));
          seen.delete(key);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it("stops waiting for a slot when the item is cancelled, and the slot stays usable", async () => {
    const pool = new GpuSlotPool(parseGpuSlots("0"));
    let release!: () => void;
    const holding = pool.use(() => new Promise<void>((r) => (release = r)));
    const cancel = new AbortController();
    const waiting = pool.use(async () => "ran", cancel.signal);
    cancel.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    release();
    await holding;
    await expect(pool.use(async (slot) => slot.cudaVisibleDevices)).resolves.toBe("0");
  });
});
