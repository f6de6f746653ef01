/** Every curation stage as the pipeline form lists it: what it is, what it costs, its defaults and thresholds. */
import { runOrder, configure, stagesFor, type MediaKind } from "@loupe/curation";

export function stageCatalogue(media: MediaKind) {
  return runOrder(Object.values(stagesFor(media)).map((stage) => configure(stage, {}))).map(
    ({ stage, config }) => ({
      id: stage.id,
      label: stage.label,
      cost: stage.cost,
      defaults: config as Record<string, unknown>,
      scoreNames: [...stage.scoreNames],
      thresholds: [...stage.thresholds],
      /** The kind of registered evaluator model it runs (named by its "model" option), if any. */
      modelKind: stage.modelKind ?? null,
    }),
  );
}
