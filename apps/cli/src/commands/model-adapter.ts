/** `loupe model adapter <model> --config <file|json>`: set (or --clear) how a model is run. */
import fs from "node:fs";
import { findModel, setModelAdapter } from "@loupe/api/models";
import { CliError } from "../errors";
import { withDatabase } from "./with-db";

function readConfig(value: string): unknown {
  const text = value.trim().startsWith("{") ? value : readFile(value);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`--config: not valid JSON (${(err as Error).message})`);
  }
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new CliError(`--config: cannot read ${file}`);
  }
}

export async function modelAdapterCommand(
  name: string,
  opts: { project: string; config?: string; clear?: boolean },
) {
  if (!opts.config && !opts.clear) throw new CliError("give --config <file-or-json> or --clear");
  const adapter = opts.clear ? null : readConfig(opts.config!);
  await withDatabase(async (db) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const model = await findModel(db, project.id, name);
    if (!model) throw new CliError(`no model "${name}" in ${opts.project}`);
    const saved = await setModelAdapter(db, project.id, { modelId: model.id, adapter: adapter as never });
    console.log(
      saved.adapter ? `${saved.name}: ${saved.adapter.kind} adapter set` : `${saved.name}: adapter removed`,
    );
  });
}
