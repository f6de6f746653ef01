import type { MediaStorage } from "@loupe/media";

/** The whole stored file (images; metrics read them entirely anyway). */
export async function readAssetBytes(storage: MediaStorage, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.createReadStream(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
