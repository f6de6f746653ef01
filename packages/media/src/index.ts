export {
  LocalMediaStorage,
  InvalidSha256Error,
  assertSha256,
  isSha256,
  sha256Hex,
  type MediaStorage,
  type StoredMedia,
  type ByteRange,
} from "./storage";
export { S3MediaStorage, normalizeS3Prefix, type S3MediaStorageOptions } from "./s3-storage";
export {
  createS3Client,
  sharedS3Client,
  listS3Objects,
  readS3Object,
  type S3ClientOptions,
  type S3ObjectEntry,
} from "./s3-objects";
export {
  createMediaStorage,
  resolveMediaStorage,
  mediaStorageOptionsSchema,
  type MediaStorageOptions,
  type ConfiguredMediaStorage,
} from "./create-storage";
export {
  createMediaToken,
  readMediaToken,
  mediaEtag,
  mediaTokenPayload,
  MediaSecretError,
  MEDIA_VARIANTS,
  MIN_SECRET_LENGTH,
  type MediaTokenPayload,
  type MediaVariant,
} from "./tokens";
export { serveMedia, type ServeMediaDeps } from "./http";
export { parseRange, type RangeRequest } from "./range";
export {
  probeImage,
  makeThumbnail,
  ImageRejectedError,
  DEFAULT_MAX_PIXELS,
  type ImageInfo,
  type ImageLimits,
} from "./images";
export { ingestImage, THUMBNAIL_SIZE, type IngestedImage } from "./ingest";
export { MediaRejectedError, UnreadableMediaError } from "./errors";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DURATION_SECONDS,
  DEFAULT_MAX_VIDEO_PIXELS,
  type AvLimits,
} from "./limits";
export { probeAv, probeAudio, probeVideo, type AudioInfo, type AvInfo, type VideoInfo } from "./av-probe";
export { MediaToolMissingError, toolPath } from "./ffmpeg-binaries";
export { makePoster } from "./poster";
export {
  ingestMedia,
  sha256OfInput,
  type IngestedMedia,
  type MediaInput,
  type MediaLimits,
} from "./ingest-media";
