/** The image stages, by id (a pipeline definition names them). */
import { aestheticStage } from "./aesthetic";
import { blurStage } from "./blur";
import { borderStage } from "./border";
import { clipScoreStage } from "./clip-score";
import { decodeStage } from "./decode";
import { exposureStage } from "./exposure";
import { metadataStage } from "./metadata";
import { perceptualHashStage } from "./perceptual-hash";
import { resolutionStage } from "./resolution";
import { textAreaStage } from "./text-area";
import type { Stage } from "./stage";

export const IMAGE_STAGES: Record<string, Stage<unknown>> = Object.fromEntries(
  [
    metadataStage,
    resolutionStage,
    decodeStage,
    blurStage,
    exposureStage,
    borderStage,
    perceptualHashStage,
    textAreaStage,
    aestheticStage,
    clipScoreStage,
  ].map((s) => [s.id, s as Stage<unknown>]),
);

export {
  aestheticStage,
  blurStage,
  borderStage,
  clipScoreStage,
  decodeStage,
  exposureStage,
  metadataStage,
  perceptualHashStage,
  resolutionStage,
  textAreaStage,
};
export {
  configure,
  NO_CONTEXT,
  type ConfiguredStage,
  type Measured,
  type Measurement,
  type ModelRegistry,
  type Stage,
  type StageContext,
  type Threshold,
} from "./stage";
