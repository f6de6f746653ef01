/**
 * Thumbnails of the items a run's galleries show, stored in media storage like every other
 * thumbnail, so the page shows them through the usual expiring /media URLs and never reads the
 * corpus itself. An item that cannot be read has none (the gallery shows its reason instead).
 */
import fs from "node:fs/promises";
import { loadItem, type CurationDecision } from "@loupe/curation";
import { makeThumbnail, type MediaStorage } from "@loupe/media";
import type { CurationSample } from "./summary";

const THUMBNAIL_SIDE = 256;

export async function thumbnailOf(
  storage: MediaStorage,
  d: CurationDecision,
  download: { timeoutSeconds: number; maxBytes: number } | null,
): Promise<string | null> {
  if (d.status === "error" || d.location === null) return null;
  // The item located again from its recorded location (a path, a URL or "shard.tar#member").
  const loaded = await loadItem(
    {
      id: d.itemId,
      source: d.source,
      caption: d.caption,
      metadata: d.metadata,
      locator: locatorOf(d.location),
    },
    download,
  );
  if ("error" in loaded) return null;
  try {
    const { input } = loaded.item;
    const bytes = typeof input === "string" ? await fs.readFile(input) : input;
    return (await storage.put(await makeThumbnail(bytes, THUMBNAIL_SIDE))).sha256;
  } catch {
    return null;
  }
}

function locatorOf(location: string) {
  if (/^https?:\/\//.test(location)) return { kind: "url" as const, url: location };
  const hash = location.lastIndexOf("#");
  if (hash > 0 && /\.(tar|tar\.gz|tgz)$/.test(location.slice(0, hash)))
    return { kind: "tar-member" as const, shard: location.slice(0, hash), member: location.slice(hash + 1) };
  return { kind: "file" as const, path: location };
}

export function sampleOf(d: CurationDecision, thumbnailSha256: string | null): CurationSample {
  return {
    itemId: d.itemId,
    source: d.source,
    status: d.status,
    stage: d.firstFailingStage,
    reason: d.reason,
    scores: d.scores,
    thumbnailSha256,
  };
}
