import { z } from "zod";
import { normalized } from "../concepts/spherical-kmeans";
import { imageRow, registeredModel } from "./registered-model";
import type { Stage } from "./stage";

const config = z.object({
  /** A registered CLIP model; default: the only one registered. */
  model: z.string().min(1).optional(),
});

/**
 * The image's embedding from a registered CLIP model, unit length, recorded for the run-wide
 * concept pass (`concepts` in the pipeline: clusters, embedding near-duplicates, sampling weights).
 * It drops nothing itself.
 */
export const embeddingStage: Stage<z.infer<typeof config>> = {
  id: "embedding",
  label: "Image embedding",
  cost: "model",
  scoreNames: [],
  config,
  thresholds: [],
  modelKind: "clip",
  embeds: true,
  async measure(probe, c, context) {
    await probe.working();
    const model = await registeredModel(context, c.model, "clip");
    return { scores: {}, embedding: normalized(await imageRow(model, await probe.encoded())) };
  },
  judge: () => undefined,
};
