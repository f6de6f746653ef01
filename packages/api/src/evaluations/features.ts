/**
 * Encoder outputs per asset, cached in FeatureVector under the encoder's key (model, file version,
 * preprocessing): an asset scored by two runs, or serving as a reference for many outputs, is
 * encoded once. Vectors are float32 little-endian bytes.
 */
import type { Db } from "@loupe/db";
import type { LoadedEvaluatorModel } from "@loupe/evaluators";
import type { MediaStorage } from "@loupe/media";
import { readAssetBytes } from "./read-asset";

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
  if (missing.length === 0) return result;
  const files = await Promise.all(
    missing.map((a) => readAssetBytes(storage, a.sha256).catch((err: Error) => err)),
  );
  const readable = missing.filter((_, i) => !(files[i] instanceof Error));
  files.forEach((f, i) => f instanceof Error && result.set(missing[i]!.id, f));
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
  return result;
}
