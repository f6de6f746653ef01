/** Helpers for this folder's tests: temporary folders and reading a source to the end. */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import tar from "tar-stream";
import type { SourceItem } from "./item";

export async function makeTempDir(prefix = "loupe-sources-"): Promise<string> {
  // realpath: the temp folder itself may sit behind a symbolic link (e.g. /tmp on macOS).
  return fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), prefix)));
}

export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await fsp.writeFile(file, content);
  }
}

export async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** source → error (or "ok"), for compact assertions. */
export function outcomes(items: SourceItem[]): Record<string, string> {
  return Object.fromEntries(items.map((item) => [item.source, item.error ?? "ok"]));
}

export function expectUniqueIds(items: SourceItem[]): void {
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) throw new Error(`${items.length - ids.size} duplicate ids`);
}

export type TarEntrySpec =
  | { name: string; data: string | Buffer }
  | { name: string; directory: true }
  | { name: string; symlink: string };

/** A real tar archive, built with tar-stream, in memory. */
export async function buildTar(entries: TarEntrySpec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on("data", (chunk: unknown) => chunks.push(chunk as Buffer));
    pack.on("end", () => resolve());
    pack.on("error", reject);
  });
  for (const entry of entries)
    await new Promise<void>((resolve, reject) => {
      const callback = (err?: Error | null) => (err ? reject(err) : resolve());
      if ("directory" in entry) pack.entry({ name: entry.name, type: "directory" }, callback);
      else if ("symlink" in entry)
        pack.entry({ name: entry.name, type: "symlink", linkname: entry.symlink }, callback);
      else pack.entry({ name: entry.name }, entry.data, callback);
    });
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}
