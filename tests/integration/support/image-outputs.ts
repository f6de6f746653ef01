/** An image output stored as an import would store it: the file in media storage, its Asset, the Output. */
import sharp from "sharp";
import type { TestApp } from "./test-app";

export async function addImageOutput(
  app: TestApp,
  key: { projectId: string; modelId: string; promptId: string },
  bytes: Buffer,
) {
  const stored = await app.runtime.storage.put(bytes);
  const meta = await sharp(bytes).metadata();
  const asset = await app.db.asset.upsert({
    where: { sha256: stored.sha256 },
    update: {},
    create: {
      sha256: stored.sha256,
      kind: "image",
      mime: `image/${meta.format === "jpeg" ? "jpeg" : meta.format}`,
      bytes: BigInt(bytes.length),
      width: meta.width,
      height: meta.height,
    },
  });
  return app.db.output.create({ data: { ...key, assetId: asset.id } });
}
