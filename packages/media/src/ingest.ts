/**
 * Taking in one image: validate it by decoding, store the original and a thumbnail
 * content-addressed, and return what the `Asset` row needs (the bytes never go to the database).
 * Storing is idempotent, so ingesting the same file twice yields the same row fields.
 */
import { makeThumbnail, probeImage, type ImageLimits } from "./images";
import type { MediaStorage } from "./storage";

/** The fields of a Prisma `Asset` row for an image (`bytes` as a number: wrap it in BigInt). */
export type IngestedImage = {
  sha256: string;
  kind: "image";
  mime: string;
  bytes: number;
  width: number;
  height: number;
  thumbnailSha256: string;
};

export const THUMBNAIL_SIZE = 320;

export async function ingestImage(
  storage: MediaStorage,
  bytes: Buffer,
  limits: ImageLimits = {},
): Promise<IngestedImage> {
  const info = await probeImage(bytes, limits);
  // Thumbnailing decodes every pixel, so a truncated file fails here, before anything is stored.
  const thumbnail = await makeThumbnail(bytes, THUMBNAIL_SIZE, limits);
  const original = await storage.put(bytes);
  const thumb = await storage.put(thumbnail);
  return {
    sha256: original.sha256,
    kind: "image",
    mime: info.mime,
    bytes: original.bytes,
    width: info.width,
    height: info.height,
    thumbnailSha256: thumb.sha256,
  };
}
