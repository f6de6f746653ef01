/** `loupe import prompts FILE`: a prompt set from CSV/TSV/JSONL/plain text, with a per-row report. */
import fs from "node:fs";
import path from "node:path";
import { importPromptFile } from "@loupe/api/prompt-import";
import { CliError } from "../errors";
import { withDatabase } from "./with-db";

export async function importPromptsCommand(
  file: string,
  opts: { project: string; name?: string; format?: "csv" | "tsv" | "jsonl" | "json" | "txt" },
) {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  const name = opts.name ?? path.basename(file).replace(/\.[^.]+$/, "");
  const report = await withDatabase(async (db) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    return importPromptFile(
      db,
      project.id,
      { filename: path.basename(file), text, format: opts.format },
      { name },
    );
  });
  for (const e of report.errors.slice(0, 50)) console.log(`line ${e.line}: error: ${e.message}`);
  if (report.errors.length > 50) console.log(`… and ${report.errors.length - 50} more errors`);
  if (!report.promptSet)
    throw new CliError(`no prompt in ${file} could be imported (${report.errors.length} errors)`);
  console.log(
    `imported ${report.imported} prompts into "${report.promptSet.name}" (${report.format}); ${report.errors.length} rows with errors`,
  );
}
