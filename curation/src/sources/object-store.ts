/**
 * Objects in a bucket as a source: every object under `prefix` whose key ends in a media
 * extension, in key order (S3 lists keys in UTF-8 binary order, the same on every listing), read
 * through the storage layer's S3 client (@loupe/media; credentials from the SDK's default chain:
 * AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, shared config files, instance roles). Ids depend on the
 * key relative to the prefix, so a corpus copied to another bucket or prefix keeps its ids.
 * A bucket that cannot be listed is a run-level SourceError before any item is read.
 */
import { listS3Objects, sharedS3Client } from "@loupe/media";
import { errorMessage, SourceError } from "./errors";
import { itemId, locatedItem, type SourceItem } from "./item";
import { itemSource, type ItemSource } from "./item-source";
import { DEFAULT_MEDIA_EXTENSIONS, extensionOf } from "./media-extensions";
import type { ObjectStoreSourceConfig } from "./source-config";

/** "s3://bucket/prefix", for people. */
export const objectStoreName = (config: Pick<ObjectStoreSourceConfig, "bucket" | "prefix">) =>
  `s3://${config.bucket}/${config.prefix}`;

export async function openObjectStoreSource(config: ObjectStoreSourceConfig): Promise<ItemSource> {
  const client = sharedS3Client(config);
  try {
    // One page of one key: the bucket exists and these credentials may list it.
    for await (const _ of listS3Objects(client, config.bucket, config.prefix, 1)) break;
  } catch (err) {
    throw new SourceError(`${objectStoreName(config)} cannot be listed: ${errorMessage(err)}`);
  }
  const extensions = new Set(config.extensions ?? DEFAULT_MEDIA_EXTENSIONS);
  async function* items(): AsyncGenerator<SourceItem> {
    for await (const object of listS3Objects(client, config.bucket, config.prefix)) {
      if (object.key.endsWith("/") || !extensions.has(extensionOf(object.key))) continue;
      const relative = object.key.slice(config.prefix.length);
      yield locatedItem(itemId("s3", relative), relative, {
        kind: "object",
        bucket: config.bucket,
        key: object.key,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        ...(config.region ? { region: config.region } : {}),
      });
    }
  }
  return itemSource("s3", items, async () => null);
}
