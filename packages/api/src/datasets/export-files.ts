/**
 * Every file of a ready export, as it is laid out in a download: the manifest's files (card, data
 * files, SHA256SUMS), then the images SHA256SUMS lists beyond them, each with its size from
 * storage. Streamed, so an export of millions of images is walked with constant memory.
 */
import type { MediaStorage } from "@loupe/media";
import { CHECKSUMS_FILE, readChecksums } from "./checksums";
import type { ExportFile, ExportManifest } from "./manifest";

export async function* exportFiles(
  storage: Pick<MediaStorage, "createReadStream" | "stat">,
  manifest: ExportManifest,
): AsyncGenerator<ExportFile> {
  yield* manifest.files;
  const sums = manifest.files.find((f) => f.path === CHECKSUMS_FILE);
  if (!sums) return;
  const listed = new Set(manifest.files.map((f) => f.path));
  for await (const entry of readChecksums(storage, sums.sha256)) {
    if (listed.has(entry.path)) continue;
    const stat = await storage.stat(entry.sha256);
    if (!stat) throw new Error(`${entry.path} is no longer in media storage`);
    yield { path: entry.path, bytes: stat.bytes, sha256: entry.sha256 };
  }
}
