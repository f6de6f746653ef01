/**
 * A curation stage: a small module with a config schema, which reads only what it needs from the
 * item (the header, or the shared grayscale working image) and returns its scores and whether
 * the item passes. Stages are ordered cheap first; the pipeline (../pipeline.ts) records every
 * score and the first stage that fails.
 */
import type { z } from "zod";
import type { ImageProbe } from "../image/image-probe";

/**
 * What a stage reads, cheapest first: the pipeline runs header stages, then the decode check
 * (so an unreadable file fails there, by name), then the stages that read pixels.
 */
export type StageCost = "header" | "decode" | "pixels";

export type StageOutcome = {
  /** Named measurements (finite numbers), recorded whether or not the item passes. */
  scores: Record<string, number>;
  /** Perceptual hashes, 16 hex digits each (for the deduplication pass). */
  hashes?: Record<string, string>;
  /** Why the item fails this stage; undefined when it passes. */
  failure?: string;
};

export type Stage<Config> = {
  id: string;
  /** In the data team's words, for the funnel. */
  label: string;
  cost: StageCost;
  /** The names of the scores it records (a run's decision table has a column for each). */
  scoreNames: readonly string[];
  config: z.ZodType<Config>;
  run(probe: ImageProbe, config: Config): Promise<StageOutcome>;
};

/** A stage together with its parsed config, as a pipeline holds it. */
export type ConfiguredStage = { stage: Stage<unknown>; config: unknown };

export function configure<C>(stage: Stage<C>, config: unknown): ConfiguredStage {
  return { stage: stage as Stage<unknown>, config: stage.config.parse(config) };
}
