/**
 * The one entry point: a source config (checked with zod) opened into an `ItemSource`. Opening
 * does every run-level check — a bad config, a missing root or manifest, a manifest without the
 * named column, missing shards — and throws a one-line SourceError before any item is read.
 */
import { openFolderSource } from "./folder";
import type { ItemSource } from "./item-source";
import { openManifestSource } from "./manifest";
import { parseSourceConfig } from "./source-config";
import { openObjectStoreSource } from "./object-store";
import { openWebDatasetSource } from "./webdataset";

export async function openSource(input: unknown): Promise<ItemSource> {
  const config = parseSourceConfig(input);
  switch (config.kind) {
    case "folder":
      return openFolderSource(config);
    case "manifest":
      return openManifestSource(config);
    case "webdataset":
      return openWebDatasetSource(config);
    case "s3":
      return openObjectStoreSource(config);
  }
}
