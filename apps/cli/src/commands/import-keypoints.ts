/**
 * `loupe import keypoints <spair-root>` and `loupe import keypoint-predictions <file>`: SPair-71k
 * style correspondence pairs (PairAnnotation/<split>/*.json with JPEGImages/<category>/<image>)
 * into a prompt set, then each correspondence model's predicted target keypoints, so evaluation
 * runs can score PCK@α. Each prints its per-pair report and exits 1 when any pair had an error.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import {
  importKeypointPairs,
  importKeypointPredictions,
  parseKeypointPredictions,
  type KeypointPairInput,
} from "@loupe/api/keypoint-import";
import { loadConfig } from "@loupe/config";
import { resolveMediaStorage } from "@loupe/media";
import { CliError } from "../errors";
import { progressBar } from "../progress";
import { withDatabase } from "./with-db";

export type ImportKeypointsCliOptions = {
  project: string;
  promptSet: string;
  split: string;
  category?: string;
  limit?: number;
};

/** Reads a JSON file, or says why it could not be read (kept as that pair's error). */
async function readAnnotation(file: string): Promise<{ annotation: unknown } | { problem: string }> {
  try {
    return { annotation: JSON.parse(await fsp.readFile(file, "utf8")) };
  } catch (err) {
    return {
      problem: err instanceof SyntaxError ? "the annotation is not valid JSON" : "cannot read the annotation",
    };
  }
}

/** A path inside `root`, or null when `name` would leave it ("../../etc/passwd"). */
function inside(root: string, ...parts: string[]): string | null {
  const full = path.resolve(root, ...parts);
  return full.startsWith(root + path.sep) ? full : null;
}

export async function importKeypointsCommand(root: string, opts: ImportKeypointsCliOptions) {
  const base = path.resolve(root);
  const annotations = path.join(base, "PairAnnotation", opts.split);
  if (!fs.existsSync(annotations))
    throw new CliError(`${annotations} does not exist (expected SPair-71k's PairAnnotation/<split>/ layout)`);
  let names = (await fsp.readdir(annotations))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
  if (opts.category) names = names.filter((n) => n.endsWith(`:${opts.category}`));
  if (opts.limit !== undefined) names = names.slice(0, opts.limit);
  if (names.length === 0) throw new CliError(`no pair annotations in ${annotations}`);
  // 64 files at a time: SPair's test split alone is 12,234 files, more than a process may open.
  const pairs: KeypointPairInput[] = [];
  for (let i = 0; i < names.length; i += 64) {
    pairs.push(
      ...(await Promise.all(
        names.slice(i, i + 64).map(async (name) => ({
          name,
          annotation: undefined,
          ...(await readAnnotation(path.join(annotations, `${name}.json`))),
        })),
      )),
    );
  }

  const bar = progressBar("importing pairs");
  const report = await withDatabase(async (db, paths) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const storage = resolveMediaStorage(loadConfig().storage, paths.media);
    return importKeypointPairs({ db, storage }, project.id, {
      promptSet: opts.promptSet,
      pairs,
      readImage: async (category, imageName) => {
        const file = inside(path.join(base, "JPEGImages"), category, imageName);
        return file && (await fsp.stat(file).catch(() => null))?.isFile() ? { path: file } : null;
      },
      onProgress: (done) => bar.update(done, pairs.length),
    });
  });
  bar.stop();
  for (const r of report.rows.filter((x) => x.status === "error"))
    console.log(`${r.pair}: error: ${r.reason}`);
  const t = report.totals;
  console.log(
    `${t.rows} pairs into "${report.promptSet.name}"${report.promptSet.created ? " (new)" : ""}: ${t.imported} imported, ${t.duplicate} duplicate, ${t.error} error`,
  );
  if (t.error > 0) throw new CliError(`${t.error} of ${t.rows} pairs had errors`);
}

export async function importKeypointPredictionsCommand(
  file: string,
  opts: { project: string; promptSet: string; model: string; createModel?: boolean },
) {
  const text = await fsp.readFile(file, "utf8").catch(() => {
    throw new CliError(`cannot read ${file}`);
  });
  let parsed;
  try {
    parsed = parseKeypointPredictions(text);
  } catch (err) {
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
  const report = await withDatabase(async (db) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    return importKeypointPredictions({ db }, project.id, {
      promptSet: opts.promptSet,
      model: opts.model,
      createModel: opts.createModel,
      rows: parsed.rows,
      parseErrors: parsed.errors,
    });
  });
  for (const r of report.rows.filter((x) => x.status === "error"))
    console.log(`line ${r.line}: error: ${r.pair ? `${r.pair}: ` : ""}${r.reason}`);
  const t = report.totals;
  console.log(
    `${t.rows} predictions of ${report.model} into "${report.promptSet.name}": ${t.imported} imported, ${t.duplicate} duplicate, ${t.error} error`,
  );
  if (t.error > 0) throw new CliError(`${t.error} of ${t.rows} predictions had errors`);
}
