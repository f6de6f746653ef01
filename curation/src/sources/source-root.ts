/**
 * The folder a source's files must stay inside. A path leaves it lexically ("../x.jpg", an absolute
 * path elsewhere) or through a symbolic link; both are caught, the second by resolving the real
 * path, and both give the item-level error "path escapes the source root".
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { errorCode, errorMessage, SourceError } from "./errors";

export type SourceRoot = {
  /** The root as configured, made absolute. */
  path: string;
  /** The same folder with every symbolic link resolved. */
  real: string;
};

export const ESCAPES_ROOT = "path escapes the source root";

/** True when `candidate` lies strictly inside `root` (both absolute and normalized). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Opens a root folder, or throws a SourceError saying why it cannot be one. */
export async function openSourceRoot(dir: string, what = "source root"): Promise<SourceRoot> {
  const absolute = path.resolve(dir);
  let real: string;
  try {
    real = await fsp.realpath(absolute);
  } catch (err) {
    if (errorCode(err) === "ENOENT") throw new SourceError(`${what} ${absolute} does not exist`);
    throw new SourceError(`${what} ${absolute} cannot be opened: ${errorMessage(err)}`);
  }
  const stat = await fsp.stat(real);
  if (!stat.isDirectory()) throw new SourceError(`${what} ${absolute} is not a folder`);
  return { path: absolute, real };
}

export type Resolved = { ok: true; path: string } | { ok: false; error: string };

/**
 * Resolves a path written in a manifest (relative to the root, or absolute) to the real path of an
 * existing regular file inside the root (an empty one too: the decode stage judges content).
 */
export async function resolveInsideRoot(root: SourceRoot, written: string): Promise<Resolved> {
  const candidate = path.resolve(root.path, written);
  if (!isInside(root.path, candidate) && !isInside(root.real, candidate))
    return { ok: false, error: `${ESCAPES_ROOT}: ${written}` };
  let real: string;
  try {
    real = await fsp.realpath(candidate);
  } catch (err) {
    if (errorCode(err) === "ENOENT") return { ok: false, error: `file not found: ${written}` };
    return { ok: false, error: `file cannot be opened: ${written}: ${errorMessage(err)}` };
  }
  if (!isInside(root.real, real)) return { ok: false, error: `${ESCAPES_ROOT}: ${written}` };
  const stat = await fsp.stat(real).catch(() => null);
  if (!stat?.isFile()) return { ok: false, error: `not a regular file: ${written}` };
  return { ok: true, path: real };
}
