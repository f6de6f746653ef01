/**
 * `loupe curate`: curation runs from the terminal, for headless runs on big machines.
 *
 *   loupe curate run pipeline.yaml --project p [--worker] [--out dir]   create a run and follow it
 *   loupe curate follow <run> [--worker] [--out dir]                     follow a run (after a crash too)
 *   loupe curate pause|resume|cancel <run>
 *
 * A pipeline file is YAML or JSON (curation/src/pipeline-definition.ts); its relative paths are
 * resolved against the file's folder. The CLI is run by whoever operates the machine, so its runs
 * may read any folder (runs started from the web are held to LOUPE_CURATION_ROOTS). Workers
 * anywhere on the same database do the work; --worker also runs one in this process.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parse as parseYaml, YAMLParseError } from "yaml";
import {
  cancelCurationRun,
  createCurationRun,
  getCurationRun,
  pauseCurationRun,
  resumeCurationRun,
  type CurationRunView,
} from "@loupe/api/curation";
import { parseSourceConfig, resolveSourcePaths, SourceError } from "@loupe/curation/sources";
import type { Db } from "@loupe/db";
import { resolveMediaStorage } from "@loupe/media";
import { dataPaths, type DataPaths } from "@loupe/config";
import type { RunningWorker } from "@loupe/worker";
import { CliError } from "../errors";
import { progressBar } from "../progress";
import { startInProcessWorker } from "./in-process-worker";
import { withDatabase, type DatabaseInfo } from "./with-db";

export type CurateFollowOptions = { worker?: boolean; out?: string; detach?: boolean };
export type CurateRunOptions = CurateFollowOptions & { project: string };

/** The pipeline file as an object, its source's relative paths resolved against the file's folder. */
export function readPipelineFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    const where = err instanceof YAMLParseError ? err.message.split("\n")[0] : (err as Error).message;
    throw new CliError(`${file} is not valid ${/\.json$/i.test(file) ? "JSON" : "YAML"}: ${where}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new CliError(`${file} must hold one pipeline (an object with name, source and stages)`);
  const definition = raw as Record<string, unknown>;
  try {
    const source = parseSourceConfig(definition.source);
    return { ...definition, source: resolveSourcePaths(source, path.dirname(path.resolve(file))) };
  } catch (err) {
    // An invalid source is reported with everything else wrong by the run's own checks.
    if (err instanceof SourceError) return definition;
    throw err;
  }
}

export async function curateRunCommand(file: string, opts: CurateRunOptions) {
  const definition = readPipelineFile(file);
  await withDatabase(async (db, paths, database) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    const run = await createCurationRun(db, project.id, definition, { roots: null });
    console.log(`curation run ${run.id}: ${run.name}`);
    for (const s of run.skippedStages as { stage: string; reason: string }[])
      console.error(`stage ${s.stage} left out: ${s.reason}`);
    if (!opts.detach) await follow(db, paths, database, run.id, opts);
  });
}

export async function curateFollowCommand(runId: string, opts: CurateFollowOptions) {
  await withDatabase((db, paths, database) => follow(db, paths, database, runId, opts));
}

type Control = "pause" | "resume" | "cancel";
export async function curateControlCommand(action: Control, runId: string) {
  await withDatabase(async (db) => {
    const run = await db.curationRun.findUnique({ where: { id: runId } });
    if (!run) throw new CliError(`no curation run ${runId}`);
    const act = { pause: pauseCurationRun, resume: resumeCurationRun, cancel: cancelCurationRun }[action];
    await act(db, run.projectId, runId);
    const after = await db.curationRun.findUniqueOrThrow({ where: { id: runId } });
    console.log(`curation run ${runId}: ${after.status}`);
  });
}

async function follow(
  db: Db,
  paths: DataPaths,
  database: DatabaseInfo,
  runId: string,
  opts: CurateFollowOptions,
) {
  const found = await db.curationRun.findUnique({ where: { id: runId }, select: { projectId: true } });
  if (!found) throw new CliError(`no curation run ${runId}`);
  if (database.temporary && !opts.worker)
    throw new CliError(
      `no Loupe is running on ${paths.root} and DATABASE_URL is not set, so no worker can reach this run; add --worker`,
    );
  let worker: RunningWorker | undefined;
  if (opts.worker) worker = await startInProcessWorker(paths, database);
  try {
    const bar = progressBar("curating", "items  {rate} items/s  ETA {eta}");
    for (;;) {
      const run = await getCurationRun(db, found.projectId, runId);
      const { itemsDone, itemsTotal, itemsPerSecond, etaSeconds, shardsPlanned } = run.progress;
      bar.update(itemsDone, itemsTotal ?? Math.max(itemsDone, shardsPlanned * run.shardSize), {
        rate: itemsPerSecond === null ? "–" : itemsPerSecond.toFixed(1),
        eta: etaSeconds === null ? "–" : `${Math.ceil(etaSeconds)} s`,
      });
      if (["done", "failed", "cancelled", "paused"].includes(run.status)) {
        bar.stop();
        report(run);
        if (run.status === "done" && opts.out) await writeOutputs(run, opts.out, database);
        if (run.status !== "done") process.exitCode = 1;
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await worker?.stop();
  }
}

/** The funnel as a table: each stage, what it removed, what is left. */
function report(run: CurationRunView) {
  if (run.error) console.error(`failed: ${run.error}`);
  if (run.status !== "done") console.error(`the run is ${run.status}`);
  const total = run.progress.itemsTotal ?? run.progress.itemsDone;
  console.log(
    `${"stage".padEnd(28)}${"dropped".padStart(10)}${"errors".padStart(10)}${"remaining".padStart(12)}`,
  );
  console.log(`${"(input)".padEnd(28)}${"".padStart(20)}${String(total).padStart(12)}`);
  for (const step of run.funnel)
    console.log(
      `${step.label.padEnd(28)}${String(step.dropped).padStart(10)}${String(step.errors).padStart(10)}${String(step.remaining).padStart(12)}  ${(100 * step.share).toFixed(1)}%`,
    );
  const clips = run.summary?.clips;
  if (clips)
    console.log(`${clips.count} clips cut from the kept videos, ${clips.seconds.toFixed(1)} s in all`);
}

async function writeOutputs(run: CurationRunView, dir: string, database: DatabaseInfo) {
  const storage = resolveMediaStorage(database.config.storage, dataPaths(database.config.dataDir).media);
  fs.mkdirSync(dir, { recursive: true });
  const { kept, dropped, duplicates, semanticDuplicates, webdataset, clips = [] } = run.outputs!;
  const files = [
    { output: kept, unit: "rows" },
    { output: dropped, unit: "rows" },
    ...(duplicates ? [{ output: duplicates, unit: "rows" }] : []),
    ...(semanticDuplicates ? [{ output: semanticDuplicates, unit: "rows" }] : []),
    ...webdataset.map((output) => ({ output, unit: "samples" })),
    ...clips.map((output) => ({ output, unit: "clips" })),
  ];
  for (const { output, unit } of files) {
    const file = path.join(dir, output.fileName);
    // Streamed: WebDataset and clip shards can be large.
    await pipeline(storage.createReadStream(output.sha256), fs.createWriteStream(file));
    console.log(`wrote ${file} (${output.rows} ${unit})`);
  }
}
