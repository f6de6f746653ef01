/**
 * `loupe import outputs <manifest.jsonl|manifest.csv|folder>`: model outputs into a project, with
 * a progress bar and the per-row report. Manifest paths are relative to the manifest's folder
 * (absolute paths work too); a folder follows `<model>/<prompt_id>[_<seed>].<ext>`.
 * Exits 1 when any row has an error, after printing the report, so scripts notice.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import {
  importOutputs,
  parseOutputManifest,
  rowsFromFolderPaths,
  type OutputImportReport,
} from "@loupe/api/output-import";
import { loadConfig } from "@loupe/config";
import { resolveMediaStorage } from "@loupe/media";
import { CliError } from "../errors";
import { progressBar } from "../progress";
import { withDatabase } from "./with-db";

export type ImportOutputsCliOptions = {
  project: string;
  promptSet: string;
  createModels?: boolean;
  report?: string;
};

/** Every file under `root`, as `/`-separated relative paths (hidden folders are not entered). */
async function listFiles(root: string, rel = ""): Promise<string[]> {
  const entries = await fsp.readdir(path.join(root, rel), { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && !e.name.startsWith(".")) files.push(...(await listFiles(root, child)));
    else if (e.isFile()) files.push(child);
  }
  return files;
}

async function readInput(source: string) {
  let stat: fs.Stats;
  try {
    stat = await fsp.stat(source);
  } catch {
    throw new CliError(`cannot read ${source}`);
  }
  if (stat.isDirectory()) {
    const parsed = rowsFromFolderPaths(await listFiles(source));
    return { ...parsed, base: source, what: "folder" };
  }
  const parsed = parseOutputManifest(await fsp.readFile(source, "utf8"), { filename: path.basename(source) });
  return { ...parsed, base: path.dirname(source), what: `${parsed.format.toUpperCase()} manifest` };
}

async function fileAt(base: string, file: string) {
  const full = path.resolve(base, file);
  const st = await fsp.stat(full).catch(() => null);
  return st?.isFile() ? { path: full } : null;
}

function printReport(report: OutputImportReport) {
  const show = (status: "error" | "duplicate", max: number) => {
    const rows = report.rows.filter((r) => r.status === status);
    for (const r of rows.slice(0, max)) {
      console.log(`line ${r.line}: ${status}: ${r.file ? `${r.file}: ` : ""}${r.reason ?? ""}`);
    }
    if (rows.length > max) console.log(`… and ${rows.length - max} more ${status} rows`);
  };
  show("error", 200);
  show("duplicate", 20);
  if (report.createdModels.length > 0) console.log(`registered models: ${report.createdModels.join(", ")}`);
  const t = report.totals;
  console.log(
    `${t.rows} rows into "${report.promptSet.name}": ${t.imported} imported, ${t.duplicate} duplicate, ${t.error} error`,
  );
}

export async function importOutputsCommand(source: string, opts: ImportOutputsCliOptions) {
  const input = await readInput(source);
  const report = await withDatabase(async (db, paths) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const storage = resolveMediaStorage(loadConfig().storage, paths.media);
    const bar = progressBar(`importing ${input.what}`);
    try {
      return await importOutputs({ db, storage }, project.id, {
        promptSet: opts.promptSet,
        rows: input.rows,
        parseErrors: input.errors,
        readFile: (file) => fileAt(input.base, file),
        createModels: opts.createModels ?? false,
        onProgress: (done, total) => bar.update(done, total),
      });
    } finally {
      bar.stop();
    }
  });
  printReport(report);
  if (opts.report) {
    fs.writeFileSync(
      opts.report,
      JSON.stringify(report, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2),
    );
  }
  if (report.totals.error > 0) {
    throw new CliError(`${report.totals.error} of ${report.totals.rows} rows had errors`);
  }
}
