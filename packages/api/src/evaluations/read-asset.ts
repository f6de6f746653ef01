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

/** The whole stored file (images; metrics read them entirely anyway). */
export async function readAssetBytes(storage: MediaStorage, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.createReadStream(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
