import { z } from "zod";
import { imageRow, registeredModel } from "./registered-model";
import type { Stage } from "./stage";

const config = z.object({
  /** A registered aesthetic model; default: the only one registered. */
  model: z.string().min(1).optional(),
  /**
   * Lowest aesthetic score accepted, on the model's own scale (the LAION aesthetic predictor
   * scores 1–10; LAION-Aesthetics keeps ≥ 5, its "high" subsets ≥ 6.5).
   */
  minScore: z.number().default(5),
});

/**
 * Aesthetic score: a registered aesthetic model (`loupe models add … --kind aesthetic`: CLIP
 * preprocessing in, a score out; docs/models.md), as DataComp's and LAION's filters use it.
 */
export const aestheticStage: Stage<z.infer<typeof config>> = {
  id: "aesthetic",
  label: "Aesthetic score",
  cost: "model",
  scoreNames: ["score"],
  config,
  thresholds: [{ option: "minScore", score: "score", bound: "min" }],
  modelKind: "aesthetic",
  async measure(probe, c, context) {
    await probe.working(); // an undecodable image is the decode stage's error
    const model = await registeredModel(context, c.model, "aesthetic");
    return { scores: { score: (await imageRow(model, await probe.encoded()))[0]! } };
  },
  judge({ scores: { score } }, c) {
    if (score === undefined) return "aesthetic score not measured";
    return score < c.minScore ? `aesthetic score ${score.toFixed(2)}, below ${c.minScore}` : undefined;
  },
};
