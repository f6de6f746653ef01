/**
 * A source config's relative paths made absolute against a base folder — the folder of the
 * pipeline file they were written in — so the run reads the same files whichever worker, in
 * whichever working directory, runs it. Shard names relative to a webdataset `root` stay
 * relative to it (the root itself becomes absolute); item ids, which depend only on paths
 * relative to the source, do not change.
 */
import path from "node:path";
import type { SourceConfig } from "./source-config";

export function resolveSourcePaths<S extends SourceConfig>(source: S, baseDir: string): S {
  const abs = (p: string) => path.resolve(baseDir, p);
  switch (source.kind) {
    case "folder":
      return { ...source, root: abs(source.root) };
    case "manifest":
      return { ...source, path: abs(source.path), ...(source.root ? { root: abs(source.root) } : {}) };
    case "webdataset":
      return source.root
        ? { ...source, root: abs(source.root) }
        : { ...source, shards: source.shards.map(abs) };
    case "s3":
      return source;
  }
}
