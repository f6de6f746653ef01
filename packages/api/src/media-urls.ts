import { createMediaToken, type MediaTokenPayload } from "@loupe/media";
import type { Runtime } from "./runtime";

/** How long a media URL handed to a browser stays valid. */
export const MEDIA_URL_TTL_SECONDS = 6 * 60 * 60;

/** An opaque, expiring `/media/<token>` URL: it names no asset, model or hash. */
export function mediaUrl(runtime: Pick<Runtime, "secret">, target: Omit<MediaTokenPayload, "exp">): string {
  // Round expiry to the hour so the same asset keeps the same URL for a while (browser cache hits).
  const exp = Math.ceil((Date.now() / 1000 + MEDIA_URL_TTL_SECONDS) / 3600) * 3600;
  return `/media/${createMediaToken({ ...target, exp }, runtime.secret)}`;
}

/** The URL of an asset's original file, served under the MIME type decided at ingest. */
export function originalUrl(
  runtime: Pick<Runtime, "secret">,
  asset: { sha256: string; mime: string },
): string {
  return mediaUrl(runtime, { sha256: asset.sha256, variant: "original", mime: asset.mime });
}

/**
 * An original's URL that expires exactly `ttlSeconds` from now: for media a reviewer chose to
 * reveal, so a copied link stops working soon after.
 */
export function shortLivedOriginalUrl(
  runtime: Pick<Runtime, "secret">,
  asset: { sha256: string; mime: string },
  ttlSeconds: number,
): string {
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  return `/media/${createMediaToken({ sha256: asset.sha256, variant: "original", mime: asset.mime, exp }, runtime.secret)}`;
}

/** The URL of an asset's WebP thumbnail (a poster frame for video), or null when it has none. */
export function thumbnailUrl(
  runtime: Pick<Runtime, "secret">,
  asset: { thumbnailSha256: string | null },
): string | null {
  return asset.thumbnailSha256
    ? mediaUrl(runtime, { sha256: asset.thumbnailSha256, variant: "thumbnail", mime: "image/webp" })
    : null;
}
