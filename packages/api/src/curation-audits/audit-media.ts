/**
 * What a filter audit shows of an item, stored in media storage so raters never read the corpus:
 * an image as a WebP of at most 1,024 px, a video as an H.264 preview (its first 30 s, at most
 * 640 px) with its middle frame as the poster — the frame the image stages judged.
 */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  encodeMp4,
  itemInput,
  VideoProbe,
  type CurationDecision,
  type ItemReadOptions,
  type MediaKind,
} from "@loupe/curation";
import { makeThumbnail, type MediaStorage } from "@loupe/media";

const IMAGE_SIDE = 1024;
const THUMBNAIL_SIDE = 256;
const PREVIEW_SIDE = 640;
const PREVIEW_SECONDS = 30;

export type AuditMedia = { sha256: string; mime: string; thumbnailSha256: string | null };

/** Stores what raters see of the item; null when its file cannot be read any more. */
export async function storeAuditMedia(
  storage: MediaStorage,
  d: CurationDecision,
  media: MediaKind,
  read: ItemReadOptions,
): Promise<AuditMedia | null> {
  const input = await itemInput(d, read);
  if (typeof input === "object" && !Buffer.isBuffer(input)) return null;
  try {
    if (media === "image") {
      const bytes = typeof input === "string" ? await fsp.readFile(input) : input;
      const image = await storage.put(await makeThumbnail(bytes, IMAGE_SIDE));
      const thumbnail = await storage.put(await makeThumbnail(bytes, THUMBNAIL_SIDE));
      return { sha256: image.sha256, mime: "image/webp", thumbnailSha256: thumbnail.sha256 };
    }
    return await storeVideoPreview(storage, input);
  } catch {
    return null;
  }
}

async function storeVideoPreview(storage: MediaStorage, input: string | Buffer): Promise<AuditMedia> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-audit-"));
  try {
    const file = typeof input === "string" ? input : path.join(dir, "source");
    if (typeof input !== "string") await fsp.writeFile(file, input);
    const probe = new VideoProbe(file, (await fsp.stat(file)).size, Number.MAX_SAFE_INTEGER);
    const { durationSeconds } = await probe.video();
    const poster = await storage.put(await makeThumbnail(await probe.encoded(), THUMBNAIL_SIDE));
    const out = path.join(dir, "preview.mp4");
    await encodeMp4(file, { start: 0, end: Math.min(durationSeconds, PREVIEW_SECONDS) }, out, {
      maxSide: PREVIEW_SIDE,
      audio: false,
      crf: 26,
    });
    const preview = await storage.putFile(out);
    return { sha256: preview.sha256, mime: "video/mp4", thumbnailSha256: poster.sha256 };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
