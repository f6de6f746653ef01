/** Running a pipeline over shards: definitions, per-shard decisions, decision files, tallies, the run-wide dedup. */
export {
  decideShard,
  decideSourceItem,
  type CurationDecision,
  type DecideShardOptions,
  type ShardProgress,
} from "./decide-shard";
export { loadItem, MAX_MEMBER_BYTES, type DownloadOptions, type LoadedItem } from "./load-item";
export { DecisionTableWriter, encodeDecisions, decodeDecisions, asyncBufferOf } from "./decision-table";
export { DecisionJsonlWriter } from "./decision-jsonl";
export {
  tallyDecisions,
  mergeTallies,
  emptyTally,
  funnelOf,
  type RunWideRemovals,
  type DecisionTally,
  type FunnelStep,
} from "./tally";
export { findRunDuplicates, nearDuplicateReason, type HashedItem, type NearDuplicate } from "./dedup-pass";
export {
  ScoreRanges,
  ScoreHistograms,
  LowestIdSample,
  HISTOGRAM_BINS,
  type ScoreHistogram,
} from "./insights";
export { projectDecision, FunnelProjection } from "./projection";
export { ShardedTarWriter, TarFileWriter, type TarShardFile } from "./tar-file";
export { itemBytes, itemInput, readOptionsOf, type ItemReadOptions } from "./item-bytes";
export { ClipsOutput, clipsOfDecision, type ClipOptions } from "./clips-output";
export { WebDatasetOutput, mediaExtension, type WebDatasetShardFile } from "./webdataset-output";
export { locationOf, locatorOf, type ObjectStoreEndpoint } from "./location";
