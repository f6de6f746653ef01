/**
 * An export as one tar stream: `<name>-v<version>/` with manifest.json, the card, the data files
 * and the images, each read from media storage as the stream is consumed, so an archive of any
 * size is served with constant memory.
 */
import { PassThrough, Readable } from "node:stream";
import tar from "tar-stream";
import type { MediaStorage } from "@loupe/media";
import { exportFiles } from "./export-files";
import type { ExportManifest } from "./manifest";

export function exportArchiveName(manifest: Pick<ExportManifest, "name" | "version">): string {
  return `${manifest.name.replace(/[^A-Za-z0-9._-]+/g, "-")}-v${manifest.version}`;
}

export function exportArchive(storage: MediaStorage, manifest: ExportManifest): Readable {
  const pack = tar.pack();
  const root = exportArchiveName(manifest);
  const mtime = new Date(manifest.createdAt);
  void (async () => {
    try {
      const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      pack.entry({ name: `${root}/manifest.json`, size: json.length, mtime }, json);
      for await (const file of exportFiles(storage, manifest)) {
        await new Promise<void>((resolve, reject) => {
          const entry = pack.entry({ name: `${root}/${file.path}`, size: file.bytes, mtime }, (err) =>
            err ? reject(err) : resolve(),
          );
          storage.createReadStream(file.sha256).on("error", reject).pipe(entry);
        });
      }
      pack.finalize();
    } catch (err) {
      pack.destroy(err as Error);
    }
  })();
  // tar-stream's streams are streamx streams; a Node PassThrough makes a Node Readable of it.
  const out = new PassThrough();
  pack.on("error", (err: Error) => out.destroy(err));
  pack.pipe(out);
  return out;
}

/** The archive as an HTTP download. */
export function exportArchiveResponse(storage: MediaStorage, manifest: ExportManifest): Response {
  const body = Readable.toWeb(exportArchive(storage, manifest)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": "application/x-tar",
      "content-disposition": `attachment; filename="${exportArchiveName(manifest)}.tar"`,
      "cache-control": "no-store",
    },
  });
}
