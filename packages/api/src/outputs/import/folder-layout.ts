/**
 * The folder layout `<model>/<prompt_id>[_<seed>].<ext>`: a listing of relative paths becomes the
 * same rows a manifest gives. Pure (the CLI lists a directory, the browser sends the paths of a
 * picked folder); files that do not fit the layout are reported, never skipped silently, except
 * hidden files (`.DS_Store`, `._x`) that operating systems leave everywhere.
 */
import type { ManifestRow, ManifestRowError } from "./manifest-row";

export type FolderRows = { rows: ManifestRow[]; errors: ManifestRowError[] };

const LAYOUT = "expected <model>/<prompt_id>[_<seed>].<ext>";

/** `p1_42` → prompt p1, seed 42; `p1` → prompt p1, seed 0. */
function splitStem(stem: string): { promptId: string; seed: bigint } {
  const m = /^(.+)_(\d{1,18})$/.exec(stem);
  return m ? { promptId: m[1]!, seed: BigInt(m[2]!) } : { promptId: stem, seed: 0n };
}

/**
 * Rows from relative paths (`/`-separated), sorted so line numbers are stable. `line` is the
 * 1-based position in that order; the report also names each file.
 */
export function rowsFromFolderPaths(paths: string[]): FolderRows {
  const rows: ManifestRow[] = [];
  const errors: ManifestRowError[] = [];
  const visible = paths
    .map((p) => p.replace(/\\/g, "/").replace(/^\.\//, ""))
    .filter((p) => !p.split("/").some((part) => part.startsWith(".")))
    .sort();
  visible.forEach((file, i) => {
    const line = i + 1;
    const parts = file.split("/");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      errors.push({ line, file, message: `not in a model folder; ${LAYOUT}` });
      return;
    }
    const [model, name] = parts as [string, string];
    const dot = name.lastIndexOf(".");
    if (dot <= 0 || dot === name.length - 1) {
      errors.push({ line, file, message: `the file name has no extension; ${LAYOUT}` });
      return;
    }
    const stem = name.slice(0, dot);
    rows.push({ line, model, ...splitStem(stem), file, params: {}, stem });
  });
  return { rows, errors };
}

/**
 * Drops the picked folder's own name from browser paths (`run1/sdxl/p1.png` → `sdxl/p1.png`):
 * a browser names every file under the folder the user picked. Picking a model folder itself
 * (`sdxl/p1.png`) leaves the paths as they are.
 */
export function stripTopFolder(paths: string[]): string[] {
  const tops = new Set(paths.map((p) => p.split("/")[0]));
  const nested = paths.some((p) => p.split("/").length >= 3);
  return tops.size === 1 && nested ? paths.map((p) => p.slice(p.indexOf("/") + 1)) : paths;
}
