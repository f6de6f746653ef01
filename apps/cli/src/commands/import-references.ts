/**
 * `loupe import references <manifest>`: reference media for prompts (subject images, inpainting
 * source/mask/exemplar, degraded inputs) from a JSONL/CSV manifest whose paths are relative to it.
 * Prints the per-row report and exits 1 when any row has an error.
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { importPromptReferences, parseReferenceManifest } from "@loupe/api/reference-import";
import { loadConfig } from "@loupe/config";
import { resolveMediaStorage } from "@loupe/media";
import { CliError } from "../errors";
import { withDatabase } from "./with-db";

export async function importReferencesCommand(
  manifest: string,
  opts: { project: string; promptSet: string },
) {
  const text = await fsp.readFile(manifest, "utf8").catch(() => {
    throw new CliError(`cannot read ${manifest}`);
  });
  const parsed = parseReferenceManifest(text, path.basename(manifest));
  const base = path.dirname(manifest);
  const report = await withDatabase(async (db, paths) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const storage = resolveMediaStorage(loadConfig().storage, paths.media);
    return importPromptReferences({ db, storage }, project.id, {
      promptSet: opts.promptSet,
      rows: parsed.rows,
      parseErrors: parsed.errors,
      readFile: async (file) => {
        const full = path.resolve(base, file);
        return (await fsp.stat(full).catch(() => null))?.isFile() ? { path: full } : null;
      },
    });
  });
  for (const r of report.rows.filter((x) => x.status !== "imported"))
    console.log(`line ${r.line}: ${r.status}: ${r.file ? `${r.file}: ` : ""}${r.reason ?? ""}`);
  const t = report.totals;
  console.log(
    `${t.rows} rows into "${report.promptSet.name}": ${t.imported} imported, ${t.duplicate} duplicate, ${t.error} error`,
  );
  if (t.error > 0) throw new CliError(`${t.error} of ${t.rows} rows had errors`);
}
