/**
 * Encoder outputs per asset, cached in FeatureVector under the encoder's key (model, file version,
 * preprocessing): an asset scored by two runs, or serving as a reference for many outputs, is
 * encoded once. Vectors are float32 little-endian bytes.
 */
import type { Db } from "@loupe/db";
import type { LoadedEvaluatorModel } from "@loupe/evaluators";
import type { MediaStorage } from "@loupe/media";
import { readAssetBytes, StorageReadError } from "./read-asset";

const FILES_PER_BATCH = 64;

export interface AssetRef {
  id: string;
  sha256: string;
}

export async function assetFeatures(
  db: Db,
  storage: MediaStorage,
  model: LoadedEvaluatorModel,
  assets: readonly AssetRef[],
): Promise<Map<string, Float32Array | Error>> {
  const unique = [...new Map(assets.map((a) => [a.id, a])).values()];
  const result = new Map<string, Float32Array | Error>();
  const cached = await db.featureVector.findMany({
    where: { encoder: model.encoderKey, assetId: { in: unique.map((a) => a.id) } },
  });
  for (const row of cached) {
    const bytes = Buffer.from(row.vector);
    result.set(row.assetId, new Float32Array(bytes.buffer, bytes.byteOffset, row.dimension).slice());
  }
  const missing = unique.filter((a) => !result.has(a.id));
  // A batch of files at a time, cached as it goes: FID's reference set may be 50,000 images, and
  // only one batch of their bytes is ever in memory.
  for (let start = 0; start < missing.length; start += FILES_PER_BATCH) {
    const batch = missing.slice(start, start + FILES_PER_BATCH);
    const files = await Promise.all(
      batch.map((a) =>
        readAssetBytes(storage, a.sha256).catch((err: Error) => {
          if (err instanceof StorageReadError) throw err; // retried by the job, not this asset's reason
          return err;
        }),
      ),
    );
    const readable = batch.filter((_, i) => !(files[i] instanceof Error));
    files.forEach((f, i) => f instanceof Error && result.set(batch[i]!.id, f));
    const rows = await model.image.encode(files.filter((f): f is Buffer => !(f instanceof Error)));
    const fresh: { assetId: string; encoder: string; dimension: number; vector: Uint8Array<ArrayBuffer> }[] =
      [];
    readable.forEach((asset, i) => {
      const row = rows[i]!;
      result.set(asset.id, row);
      if (!(row instanceof Error)) {
        fresh.push({
          assetId: asset.id,
          encoder: model.encoderKey,
          dimension: row.length,
          vector: new Uint8Array(Float32Array.from(row).buffer),
        });
      }
    });
    if (fresh.length) await db.featureVector.createMany({ data: fresh, skipDuplicates: true });
  }
  return result;
}
