/** The image stages, by id (a pipeline definition names them). */
import { blurStage } from "./blur";
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
    perceptualHashStage,
    textAreaStage,
  ].map((s) => [s.id, s as Stage<unknown>]),
);

export {
  blurStage,
  decodeStage,
  exposureStage,
  metadataStage,
  perceptualHashStage,
  resolutionStage,
  textAreaStage,
};
export {
  configure,
  type ConfiguredStage,
  type Measured,
  type Measurement,
  type Stage,
  type Threshold,
} from "./stage";
