/**
 * A curation stage: a small module with a config schema, which measures only what it needs from
 * the item (the header, or the shared grayscale working image) and judges the measurement against
 * its thresholds. Measuring and judging are apart so that a run's recorded measurements can be
 * judged again under other thresholds — the projected funnel — without reading an image.
 * Stages are ordered cheap first; the pipeline (../pipeline.ts) records every measurement and the
 * first stage that fails.
 */
import type { z } from "zod";
import type { EvaluatorModelKind, EvaluatorModelSpec } from "@loupe/evaluators";
import type { MediaProbe } from "../media-probe";

/** The evaluator models registered on this instance (`loupe models add`), by name. */
export type ModelRegistry = ReadonlyMap<string, { kind: EvaluatorModelKind; spec: EvaluatorModelSpec }>;

/** A registered model as a run sees it when it starts: its name, kind, and a classifier's labels. */
export type RegisteredModel = { name: string; kind: string; labels?: readonly string[] };

/** What a stage may need besides the image: the item's caption, and the registered models. */
export type StageContext = { caption: string | null; models: ModelRegistry };

export const NO_CONTEXT: StageContext = { caption: null, models: new Map() };

/**
 * What a stage reads, cheapest first: the pipeline runs header stages, then the decode check
 * (so an unreadable file fails there, by name), then the stages that read pixels, then the ones
 * that run a neural network.
 */
export type StageCost = "header" | "decode" | "pixels" | "model";

export type Measurement = {
  /** Named measurements (finite numbers), recorded whether or not the item passes. */
  scores: Record<string, number>;
  /** Named measurements that are words, not numbers (an image's format). */
  labels?: Record<string, string>;
  /** Perceptual hashes, 16 hex digits each (for the deduplication pass). */
  hashes?: Record<string, string>;
  /** A unit-length image embedding (for the concept pass). */
  embedding?: Float32Array;
};

/** A stage's own measurement (names without the "<stage>." prefix), as judged. */
export type Measured = { scores: Record<string, number>; labels: Record<string, string> };

/**
 * A config option that is a threshold on one of the stage's scores: the UI draws it on that
 * score's histogram and lets the data team move it to see the projected funnel.
 */
export type Threshold = { option: string; score: string; bound: "min" | "max" };

export type Stage<Config> = {
  id: string;
  /** In the data team's words, for the funnel. */
  label: string;
  cost: StageCost;
  /** The names of the scores it records (a run's decision table has a column for each). */
  scoreNames: readonly string[];
  /** The names of the labels it records. */
  labelNames?: readonly string[];
  config: z.ZodType<Config>;
  /** Its numeric options that are thresholds on its scores. */
  thresholds: readonly Threshold[];
  /**
   * The kind of registered evaluator model it runs, if any. Its config then has a `model` option
   * (a registered name); a run resolves it when it starts, or skips the stage saying why.
   */
  modelKind?: EvaluatorModelKind;
  /**
   * What the stage needs of its registered model beyond its kind (a classifier's label): why the
   * model will not do, or undefined. Checked when a run starts, so a mismatch leaves the stage out
   * with that reason rather than failing every item.
   */
  checkModel?: (config: Config, model: RegisteredModel) => string | undefined;
  /** It records the item's embedding (a run's decision tables then have an embedding column). */
  embeds?: boolean;
  measure(probe: MediaProbe, config: Config, context: StageContext): Promise<Measurement>;
  /** Why the measured item fails under `config`; undefined when it passes. Pure. */
  judge(measured: Measured, config: Config): string | undefined;
};

/** A stage together with its parsed config, as a pipeline holds it. */
export type ConfiguredStage = { stage: Stage<unknown>; config: unknown };

export function configure<C>(stage: Stage<C>, config: unknown): ConfiguredStage {
  return { stage: stage as Stage<unknown>, config: stage.config.parse(config) };
}
