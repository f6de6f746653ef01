/** Curation sources: where a corpus's items come from (folders, manifests, WebDataset shards). */
export {
  sourceConfigSchema,
  folderSourceSchema,
  manifestSourceSchema,
  webDatasetSourceSchema,
  parseSourceConfig,
  MANIFEST_FORMATS,
  type SourceConfig,
  type SourceConfigInput,
  type FolderSourceConfig,
  type ManifestSourceConfig,
  type WebDatasetSourceConfig,
  type ManifestFormat,
} from "./source-config";
export {
  itemId,
  isErrorItem,
  ITEM_ID_LENGTH,
  type SourceItem,
  type LocatedItem,
  type ErrorItem,
  type Locator,
  type FileLocator,
  type UrlLocator,
  type TarMemberLocator,
  type SourceKind,
} from "./item";
export type { ItemSource } from "./item-source";
export { SourceError } from "./errors";
export { openSource } from "./open-source";
export { openFolderSource, walkFolder } from "./folder";
export { openManifestSource, manifestFormat } from "./manifest";
export { URL_SCHEMES } from "./manifest-row";
export { openWebDatasetSource, readShard, listShards, splitMemberName, type TarShard } from "./webdataset";
export {
  readTarMember,
  openTarMember,
  readTarMemberBytes,
  TarMemberError,
  type TarMemberRange,
} from "./tar-member";
export { expandBraces, countBraceExpansion, BracePatternError, MAX_BRACE_EXPANSION } from "./brace";
export { DEFAULT_MEDIA_EXTENSIONS, IMAGE_EXTENSIONS, VIDEO_EXTENSIONS } from "./media-extensions";
export { ESCAPES_ROOT } from "./source-root";
export {
  shardItems,
  shardId,
  shardCount,
  assertShardSize,
  MIN_SHARD_SIZE,
  MAX_SHARD_SIZE,
  type Shard,
} from "./shards";
export { resolveSourcePaths } from "./resolve-paths";
