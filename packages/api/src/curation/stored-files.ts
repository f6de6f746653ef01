/** A run's files in media storage: read whole (shard files are bounded by the shard size). */
import type { MediaStorage } from "@loupe/media";

export async function readStored(storage: MediaStorage, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.createReadStream(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
