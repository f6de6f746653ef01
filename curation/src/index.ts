/**
 * @loupe/curation — streaming, sharded, resumable curation of image and video corpora: sources,
 * stages (pure measurements with thresholds), the per-item pipeline, near-duplicate search, and
 * the pieces a run is made of (definitions, shard decisions, decision files, the funnel).
 * No database, HTTP or React here: the worker and the api services glue it to the rest.
 */
export { decideItem, measuredBy, runOrder, type ItemDecision, type PipelineItem } from "./pipeline";
export {
  parsePipeline,
  pipelineDefinitionSchema,
  measurementColumns,
  PipelineDefinitionError,
  HASH_ALGORITHMS,
  type Pipeline,
  type PipelineDefinition,
  type PipelineDefinitionInput,
  type MeasurementColumns,
  type HashAlgorithm,
} from "./pipeline-definition";
export { ImageProbe, ImageProbeError, WORKING_SIDE } from "./image/image-probe";
export {
  IMAGE_STAGES,
  VIDEO_STAGES,
  stagesFor,
  configure,
  type ConfiguredStage,
  type ModelRegistry,
  type Stage,
} from "./stages";
export { MEDIA_KINDS, MediaProbeError, type MediaKind, type MediaProbe } from "./media-probe";
export { VideoProbe, VideoProbeError, type VideoHeader } from "./video/video-probe";
export { clipsOf, shotsOf, type Interval } from "./video/scene-cuts";
export { encodeMp4, VideoEncodeError } from "./video/encode-mp4";
export { parseShots } from "./stages/scenes";
export {
  ConceptPass,
  samplingWeight,
  type ConceptDuplicate,
  type ConceptOptions,
  type ConceptResult,
} from "./concepts/concept-pass";
export { sphericalKMeans, nearestCentroid, normalized } from "./concepts/spherical-kmeans";
export * from "./dedup/index";
export * from "./run/index";
export { resolveStageModels, type SkippedStage } from "./stage-models";
