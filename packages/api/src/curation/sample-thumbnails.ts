/**
 * Thumbnails of the items a run's galleries show, stored in media storage like every other
 * thumbnail, so the page shows them through the usual expiring /media URLs and never reads the
 * corpus itself. An item that cannot be read has none (the gallery shows its reason instead).
 */
import { itemBytes, type CurationDecision } from "@loupe/curation";
import { makeThumbnail, type MediaStorage } from "@loupe/media";
import type { CurationSample } from "./summary";

const THUMBNAIL_SIDE = 256;

export async function thumbnailOf(
  storage: MediaStorage,
  d: CurationDecision,
  download: { timeoutSeconds: number; maxBytes: number } | null,
): Promise<string | null> {
  if (d.status === "error") return null;
  const bytes = await itemBytes(d, download);
  if (!Buffer.isBuffer(bytes)) return null;
  try {
    return (await storage.put(await makeThumbnail(bytes, THUMBNAIL_SIDE))).sha256;
  } catch {
    return null;
  }
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
