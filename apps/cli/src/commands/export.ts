/**
 * `loupe export create|list|download`: preference datasets for reward-model training. `create`
 * records a new version of the named export, builds it here with a progress bar (reading the
 * judgments, writing the layout's files into media storage) and, with --out, writes the files into
 * a folder.
 */
import path from "node:path";
import { loadConfig } from "@loupe/config";
import {
  buildDatasetExport,
  createDatasetExport,
  writeExportTo,
  type ExportConfigInput,
  type ExportFormat,
} from "@loupe/api/datasets";
import { resolveMediaStorage } from "@loupe/media";
import { CliError } from "../errors";
import { progressBar } from "../progress";
import { withDatabase } from "./with-db";

export type ExportCliOptions = {
  project: string;
  name: string;
  study: string[];
  format: ExportFormat;
  axis?: string;
  majority?: boolean;
  dropTies?: boolean;
  keepFlaggedRaters?: boolean;
  keepGold?: boolean;
  minAgreement?: number;
  split?: [number, number, number];
  seed?: number;
  salt?: string;
  hideModelNames?: boolean;
  inlineImages?: boolean;
  webdataset?: boolean;
  skipMissingMedia?: boolean;
  license?: string;
  rewardRun?: string;
  rewardMetric?: string;
  out?: string;
};

async function projectId(db: Parameters<Parameters<typeof withDatabase>[0]>[0], slug: string) {
  const project = await db.project.findUnique({ where: { slug } });
  if (!project) throw new CliError(`no project "${slug}"`);
  return project.id;
}

export async function exportCreateCommand(opts: ExportCliOptions) {
  const input: ExportConfigInput = {
    name: opts.name,
    studyIds: opts.study,
    format: opts.format,
    ...(opts.axis ? { axisId: opts.axis } : {}),
    aggregation: opts.majority ? "majority" : "every",
    ties: opts.dropTies ? "drop" : "half",
    excludeFlaggedRaters: !opts.keepFlaggedRaters,
    excludeGold: !opts.keepGold,
    ...(opts.minAgreement !== undefined ? { minAgreement: opts.minAgreement } : {}),
    ...(opts.split
      ? { split: { train: opts.split[0], validation: opts.split[1], test: opts.split[2] } }
      : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.salt ? { raterSalt: opts.salt } : {}),
    hideModelNames: Boolean(opts.hideModelNames),
    images: opts.webdataset ? "webdataset" : opts.inlineImages ? "inline" : "files",
    skipMissingMedia: Boolean(opts.skipMissingMedia),
    ...(opts.license ? { license: opts.license } : {}),
    ...(opts.rewardRun || opts.rewardMetric
      ? { reward: { runId: opts.rewardRun ?? "", metric: opts.rewardMetric ?? "" } }
      : {}),
  };
  await withDatabase(async (db, paths) => {
    const storage = resolveMediaStorage(loadConfig().storage, paths.media);
    const created = await createDatasetExport(db, await projectId(db, opts.project), input);
    console.error(`export ${created.id}: "${created.name}" version ${created.version}`);
    const reading = progressBar("reading judgments", "{stage}");
    const manifest = await buildDatasetExport({ db, storage }, created.id, (p) =>
      reading.update(p.judgmentsRead, p.judgmentsTotal, { stage: p.stage }),
    ).finally(() => reading.stop());
    const splits = Object.entries(manifest.counts.splits)
      .map(([split, c]) => `${split} ${c.rows}`)
      .join(", ");
    console.log(
      `"${manifest.name}" version ${manifest.version} (${manifest.format}): ${manifest.counts.rows} rows (${splits}), ${manifest.files.length} files and ${manifest.images.count} images`,
    );
    if (!manifest.complete)
      console.log("a source study is still running: this is a snapshot of what exists now");
    if (opts.out) {
      const copying = progressBar("writing files");
      await writeExportTo({ db, storage }, created.id, path.resolve(opts.out), (done, total) =>
        copying.update(done, total),
      ).finally(() => copying.stop());
      console.log(`written to ${path.resolve(opts.out)}`);
    }
  });
}

export async function exportListCommand(opts: { project: string }) {
  await withDatabase(async (db) => {
    const rows = await db.datasetExport.findMany({
      where: { projectId: await projectId(db, opts.project) },
      orderBy: [{ name: "asc" }, { version: "asc" }],
    });
    if (rows.length === 0) console.log("no exports yet");
    for (const r of rows)
      console.log(
        `${r.id}  ${r.name} v${r.version}  ${r.format}  ${r.status}${r.error ? `: ${r.error}` : ""}  ${r.createdAt.toISOString()}`,
      );
  });
}

export async function exportDownloadCommand(id: string, opts: { out: string }) {
  await withDatabase(async (db, paths) => {
    const storage = resolveMediaStorage(loadConfig().storage, paths.media);
    const copying = progressBar("writing files");
    const manifest = await writeExportTo({ db, storage }, id, path.resolve(opts.out), (done, total) =>
      copying.update(done, total),
    )
      .catch((err: Error) => {
        throw new CliError(err.message);
      })
      .finally(() => copying.stop());
    console.log(
      `${manifest.files.length + manifest.images.count + 1} files written to ${path.resolve(opts.out)}`,
    );
  });
}
