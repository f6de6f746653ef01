import { z } from "zod";
import { differenceHash, perceptualHash } from "../image/perceptual-hash";
import type { Stage } from "./stage";

const config = z.object({
  algorithms: z
    .array(z.enum(["phash", "dhash"]))
    .min(1)
    .default(["phash"]),
});

/**
 * Computes the perceptual hashes the near-duplicate pass compares (../dedup). It never drops an
 * item by itself: which copy of a near-duplicate group stays is decided across shards, later.
 */
export const perceptualHashStage: Stage<z.infer<typeof config>> = {
  id: "phash",
  label: "Perceptual hash",
  cost: "pixels",
  scoreNames: [],
  config,
  thresholds: [],
  async measure(probe, c) {
    const hashes: Record<string, string> = {};
    if (c.algorithms.includes("phash")) hashes.phash = perceptualHash(await probe.reduced(32, 32));
    if (c.algorithms.includes("dhash")) hashes.dhash = differenceHash(await probe.reduced(9, 8));
    return { scores: {}, hashes };
  },
  // Hashing drops nothing by itself; the run-wide near-duplicate pass uses the hashes.
  judge: () => undefined,
};
