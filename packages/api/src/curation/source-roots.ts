/**
 * Which folders a curation run started from the web or the API may read: every path its source
 * names must be absolute and lie inside one of the instance's curation roots (LOUPE_CURATION_ROOTS,
 * by default <data dir>/corpora), symlinks resolved. Without this, anyone allowed to curate could
 * point a run at any file the server can read. The CLI, run by whoever operates the machine, is
 * not limited.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { expandBraces, type SourceConfig } from "@loupe/curation/sources";

/** The paths a source reads (folders, manifests, shard files), as written. */
function pathsOfSource(source: SourceConfig): string[] {
  switch (source.kind) {
    case "folder":
      return [source.root];
    case "manifest":
      return [source.path, ...(source.root ? [source.root] : [])];
    case "webdataset":
      return [
        ...(source.root ? [source.root] : []),
        ...source.shards.flatMap((pattern) =>
          expandBraces(pattern).map((shard) => (source.root ? path.resolve(source.root, shard) : shard)),
        ),
      ];
    case "s3":
      return [];
  }
}

async function realOrResolved(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

const inside = (root: string, p: string) =>
  p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** The first path outside every root, with why; null when the source may be read. */
export async function sourceOutsideRoots(
  source: SourceConfig,
  roots: readonly string[],
): Promise<string | null> {
  const realRoots = await Promise.all(roots.map(realOrResolved));
  for (const p of pathsOfSource(source)) {
    if (!path.isAbsolute(p)) return `"${p}" is not an absolute path`;
    const real = await realOrResolved(p);
    if (!realRoots.some((root) => inside(root, real)))
      return `"${p}" is outside the folders curation may read (${roots.join(", ")}; set LOUPE_CURATION_ROOTS)`;
  }
  return null;
}
