/**
 * Thumbnails of the items a run's galleries show, stored in media storage like every other
 * thumbnail, so the page shows them through the usual expiring /media URLs and never reads the
 * corpus itself. An item that cannot be read has none (the gallery shows its reason instead).
 */
import fsp from "node:fs/promises";
import {
  itemBytes,
  itemInput,
  VideoProbe,
  type CurationDecision,
  type ItemReadOptions,
  type MediaKind,
} from "@loupe/curation";
import { makeThumbnail, type MediaStorage } from "@loupe/media";
import type { CurationSample } from "./summary";

const THUMBNAIL_SIDE = 256;

export async function thumbnailOf(
  storage: MediaStorage,
  d: CurationDecision,
  media: MediaKind,
  read: ItemReadOptions,
): Promise<string | null> {
  if (d.status === "error") return null;
  try {
    // A video's thumbnail is its middle frame: the frame its image stages judged.
    const image = media === "video" ? await middleFrame(await itemInput(d, read)) : await itemBytes(d, read);
    if (!Buffer.isBuffer(image)) return null;
    return (await storage.put(await makeThumbnail(image, THUMBNAIL_SIDE))).sha256;
  } catch {
    return null;
  }
}

async function middleFrame(input: string | Buffer | { error: string }): Promise<Buffer | null> {
  if (typeof input === "object" && !Buffer.isBuffer(input)) return null;
  const bytes = typeof input === "string" ? (await fsp.stat(input)).size : input.length;
  const probe = new VideoProbe(input, bytes, Number.MAX_SAFE_INTEGER);
  try {
    return await probe.encoded();
  } finally {
    await probe.close();
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
