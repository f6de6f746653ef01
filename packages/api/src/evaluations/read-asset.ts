import { readFrames, type VideoFrames } from "@loupe/evaluators";
import type { MediaStorage } from "@loupe/media";

/**
 * The frames a video metric reads: every frame up to VIDEO_FRAME_LIMIT (VBench reads them all; the
 * cap bounds memory at a few hundred MB for 1080p), from the stored file where storage keeps one
 * locally, else from its bytes.
 */
export const VIDEO_FRAME_LIMIT = 256;

export async function readVideo(storage: MediaStorage, sha256: string): Promise<VideoFrames> {
  const input = storage.localPath ? storage.localPath(sha256) : await readAssetBytes(storage, sha256);
  return readFrames(input, { maxFrames: VIDEO_FRAME_LIMIT });
}

/**
 * Storage that could not be read for a reason that may pass (a network error, throttling, a full
 * file table, permissions being fixed). Scoring code lets it through instead of recording it as
 * the output's reason, so the chunk's job fails and graphile-worker retries it later; a file that
 * is simply not stored is the output's own, permanent reason.
 */
export class StorageReadError extends Error {
  override name = "StorageReadError";
}

/** The whole stored file (images; metrics read them entirely anyway). */
export async function readAssetBytes(storage: MediaStorage, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of storage.createReadStream(sha256)) chunks.push(chunk as Buffer);
  } catch (err) {
    if ((err as NodeJS.ErrnoException | null)?.code === "ENOENT")
      throw new Error("the stored file is missing", { cause: err });
    throw new StorageReadError(
      `reading ${sha256.slice(0, 12)}… from media storage failed: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  return Buffer.concat(chunks);
}
