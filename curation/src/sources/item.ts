/**
 * What a source yields: one `SourceItem` per input item, in a deterministic order. An item that
 * can be located carries a locator (a file, a URL, or a member of a tar shard); an item that cannot
 * (a manifest row without a path, a path escaping the source root, a truncated shard) is still an
 * item, carrying `error`, so it gets an "error" decision downstream and is never silently lost.
 *
 * Ids are deterministic: the sha256 of the source kind and the item's stable identity (a relative
 * path, a manifest row, a shard and sample key), truncated to 20 hex characters (80 bits). The
 * same corpus read with the same config gives the same ids on every run and every machine.
 */
import crypto from "node:crypto";

export type SourceKind = "folder" | "manifest" | "webdataset" | "s3";

export type FileLocator = { kind: "file"; path: string };
export type UrlLocator = { kind: "url"; url: string };
export type TarMemberLocator = {
  kind: "tar-member";
  /** Absolute path of the shard. */
  shard: string;
  /** The member's name inside the shard. */
  member: string;
  /**
   * Where the member's bytes start in the shard and how many there are, when the shard is an
   * uncompressed tar: `readTarMember` then reads just that range instead of scanning the shard.
   */
  offset?: number;
  size?: number;
};
/** An object in a bucket (an S3-compatible server's when `endpoint` is set). */
export type ObjectLocator = {
  kind: "object";
  bucket: string;
  key: string;
  endpoint?: string;
  region?: string;
};
export type Locator = FileLocator | UrlLocator | TarMemberLocator | ObjectLocator;

type ItemBase = {
  id: string;
  /** Where the item came from, for people: a relative path, "row 17", "shard-0003.tar#000123". */
  source: string;
  caption: string | null;
  /** Everything else the source knew about the item (manifest columns, a sample's .json). */
  metadata: Record<string, unknown>;
};

export type LocatedItem = ItemBase & { locator: Locator; error?: undefined };
export type ErrorItem = ItemBase & { locator: null; error: string };
export type SourceItem = LocatedItem | ErrorItem;

export const ITEM_ID_LENGTH = 20;

/** The deterministic id of the item of `kind` with the given identity parts. */
export function itemId(kind: SourceKind, ...identity: string[]): string {
  // JSON keeps the parts apart: ("a/b", "c") and ("a", "b/c") never hash alike.
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([kind, ...identity]))
    .digest("hex")
    .slice(0, ITEM_ID_LENGTH);
}

export function isErrorItem(item: SourceItem): item is ErrorItem {
  return item.error !== undefined;
}

export function locatedItem(
  id: string,
  source: string,
  locator: Locator,
  caption: string | null = null,
  metadata: Record<string, unknown> = {},
): LocatedItem {
  return { id, source, locator, caption, metadata };
}

export function errorItem(
  id: string,
  source: string,
  error: string,
  caption: string | null = null,
  metadata: Record<string, unknown> = {},
): ErrorItem {
  return { id, source, locator: null, caption, metadata, error };
}
