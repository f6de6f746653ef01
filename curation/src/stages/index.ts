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
import type { MediaKind } from "../media-probe";
import { durationStage } from "./duration";
import { embeddingStage } from "./embedding";
import { motionStage } from "./motion";
import { nsfwStage } from "./nsfw";
import { scenesStage } from "./scenes";
import type { Stage } from "./stage";
import { videoDecodeStage } from "./video-decode";
import { videoMetadataStage } from "./video-metadata";

/** Stages by id. Each stage has its own config type; a registry holds them as Stage<unknown>. */
const byId = (stages: readonly { id: string }[]): Record<string, Stage<unknown>> =>
  Object.fromEntries(stages.map((s) => [s.id, s as unknown as Stage<unknown>]));

/**
 * The stages that read the working image or the encoded image: they judge an image, and a video
 * by its middle frame.
 */
const FRAME_STAGES = [
  blurStage,
  exposureStage,
  borderStage,
  perceptualHashStage,
  textAreaStage,
  aestheticStage,
  clipScoreStage,
  nsfwStage,
  embeddingStage,
];

/** The image stages, by id (a pipeline definition names them). */
export const IMAGE_STAGES: Record<string, Stage<unknown>> = byId([
  metadataStage,
  resolutionStage,
  decodeStage,
  ...FRAME_STAGES,
]);

/** The video stages, by id: the frame stages judge each video's middle frame. */
export const VIDEO_STAGES: Record<string, Stage<unknown>> = byId([
  videoMetadataStage,
  resolutionStage,
  durationStage,
  videoDecodeStage,
  motionStage,
  scenesStage,
  ...FRAME_STAGES,
]);

/** The stages a run of this medium may name. */
export function stagesFor(media: MediaKind): Record<string, Stage<unknown>> {
  return media === "video" ? VIDEO_STAGES : IMAGE_STAGES;
}

export {
  aestheticStage,
  blurStage,
  borderStage,
  clipScoreStage,
  decodeStage,
  durationStage,
  embeddingStage,
  motionStage,
  scenesStage,
  videoDecodeStage,
  videoMetadataStage,
  exposureStage,
  metadataStage,
  perceptualHashStage,
  resolutionStage,
  textAreaStage,
};
export { formatShots, parseShots } from "./scenes";
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
