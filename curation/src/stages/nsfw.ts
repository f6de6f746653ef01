import { z } from "zod";
import { classProbabilities } from "./class-probabilities";
import { imageRow, registeredModel } from "./registered-model";
import type { Stage } from "./stage";

const config = z.object({
  /** A registered classifier; default: the only one registered. */
  model: z.string().min(1).optional(),
  /** The classifier's label whose probability is thresholded. */
  label: z.string().min(1).default("nsfw"),
  /** Highest probability of that label kept. */
  maxScore: z.number().min(0).max(1).default(0.5),
});

/**
 * NSFW filtering with a registered image classifier (`loupe models add … --kind classifier
 * --labels normal,nsfw`; docs/models.md): the probability of its `label` class, after the model's
 * activation. A model without that label is left out of the run when it starts, saying so.
 */
export const nsfwStage: Stage<z.infer<typeof config>> = {
  id: "nsfw",
  label: "NSFW",
  cost: "model",
  scoreNames: ["score"],
  config,
  thresholds: [{ option: "maxScore", score: "score", bound: "max" }],
  modelKind: "classifier",
  checkModel: (c, model) =>
    model.labels?.includes(c.label)
      ? undefined
      : `the classifier "${model.name}" has no label "${c.label}" (its labels: ${(model.labels ?? []).join(", ")}); set the stage's "label" option`,
  async measure(probe, c, context) {
    await probe.working(); // an undecodable image is the decode stage's error
    const model = await registeredModel(context, c.model, "classifier");
    if (model.spec.kind !== "classifier") throw new Error(`"${model.name}" is not a classifier`);
    const probabilities = classProbabilities(await imageRow(model, await probe.encoded()), model.spec);
    return { scores: { score: probabilities[model.spec.labels.indexOf(c.label)]! } };
  },
  judge({ scores: { score } }, c) {
    if (score === undefined) return "NSFW score not measured";
    return score > c.maxScore ? `NSFW probability ${score.toFixed(3)}, above ${c.maxScore}` : undefined;
  },
};
