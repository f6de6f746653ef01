import { z } from "zod";
import { clipScore } from "@loupe/evaluators";
import { imageRow, registeredModel } from "./registered-model";
import type { Stage } from "./stage";

const config = z.object({
  /** A registered CLIP model; default: the only one registered. */
  model: z.string().min(1).optional(),
  /**
   * Lowest CLIP score accepted: 100 · max(cos(image, caption), 0), as the clip-score metric
   * (Hessel et al. 2021, without their 2.5 weight). DataComp's CLIP-score filters keep the top
   * 30% of their pool, a cosine near 0.28 with ViT-L/14 (Gadre et al. 2023).
   */
  minScore: z.number().min(0).max(100).default(28),
});

/**
 * CLIP text–image score between the image and its caption, with a registered CLIP model
 * (`loupe models add … --text … --tokenizer …`). An item without a caption is an error: there is
 * nothing to score it against.
 */
export const clipScoreStage: Stage<z.infer<typeof config>> = {
  id: "clip",
  label: "CLIP score (image–caption)",
  cost: "model",
  scoreNames: ["score"],
  config,
  thresholds: [{ option: "minScore", score: "score", bound: "min" }],
  modelKind: "clip",
  async measure(probe, c, context) {
    if (!context.caption?.trim()) throw new Error("the item has no caption to score the image against");
    await probe.working();
    const model = await registeredModel(context, c.model, "clip");
    if (!model.text) throw new Error(`"${model.name}" has no text encoder`);
    const [image, [text]] = await Promise.all([
      imageRow(model, await probe.encoded()),
      model.text.encode([context.caption]),
    ]);
    return { scores: { score: clipScore(image, text!) } };
  },
  judge({ scores: { score } }, c) {
    if (score === undefined) return "CLIP score not measured";
    return score < c.minScore ? `CLIP score ${score.toFixed(1)}, below ${c.minScore}` : undefined;
  },
};
