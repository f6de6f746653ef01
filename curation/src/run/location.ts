/**
 * An item's location as its decision records it and the outputs show it — a path, a URL,
 * "shard.tar#member" or "s3://bucket/key", what a training loader reads — and back to the locator
 * that reads it again. An object's endpoint and region are the run's source's, not part of the
 * location, so reading one back takes them from the run.
 */
import type { Locator } from "../sources/item";

export function locationOf(locator: Locator | null): string | null {
  if (!locator) return null;
  switch (locator.kind) {
    case "file":
      return locator.path;
    case "url":
      return locator.url;
    case "tar-member":
      return `${locator.shard}#${locator.member}`;
    case "object":
      return `s3://${locator.bucket}/${locator.key}`;
  }
}

/** Where a run's objects are served from, when its source is a bucket. */
export type ObjectStoreEndpoint = { endpoint?: string; region?: string };

export function locatorOf(location: string, objectStore: ObjectStoreEndpoint | null = null): Locator {
  if (/^https?:\/\//.test(location)) return { kind: "url", url: location };
  const object = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (object) return { kind: "object", bucket: object[1]!, key: object[2]!, ...objectStore };
  const hash = location.lastIndexOf("#");
  if (hash > 0 && /\.(tar|tar\.gz|tgz)$/.test(location.slice(0, hash)))
    return { kind: "tar-member", shard: location.slice(0, hash), member: location.slice(hash + 1) };
  return { kind: "file", path: location };
}
