/** Writes a ready export's files (and its manifest.json) into a directory, from media storage. */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { Db } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import { ExportBuildError } from "./build-export";
import { exportFiles } from "./export-files";
import type { ExportManifest } from "./manifest";

export async function writeExportTo(
  runtime: { db: Db; storage: MediaStorage },
  exportId: string,
  outDir: string,
  onFile?: (written: number, total: number) => void,
): Promise<ExportManifest> {
  const row = await runtime.db.datasetExport.findUniqueOrThrow({ where: { id: exportId } });
  if (row.status !== "ready") throw new ExportBuildError(`The export is ${row.status}, not ready.`);
  const manifest = row.manifest as unknown as ExportManifest;
  const total = manifest.files.length + manifest.images.count;
  let written = 0;
  for await (const file of exportFiles(runtime.storage, manifest)) {
    const target = path.join(outDir, file.path);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await pipeline(runtime.storage.createReadStream(file.sha256), fs.createWriteStream(target));
    onFile?.(++written, total);
  }
  await fsp.writeFile(path.join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
