/**
 * Building a dataset export, streaming: the judgments are read a batch of prompts at a time, turned
 * into rows, checked for their images and written straight into the format's files, so memory holds
 * a batch (and the list of distinct images), never the studies. The files are then stored in media
 * storage under their sha256 (images are the outputs' own stored files, listed in SHA256SUMS, not
 * copied) and the manifest recorded. A build can simply run again after a crash: the same config on
 * the same judgments gives the same files.
 */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db, Prisma } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import { readAssetBytes } from "../evaluations/read-asset";
import { pairwiseConfigOf } from "../studies/service";
import { CHECKSUMS_FILE, checksumLine } from "./checksums";
import type { StoredConfig } from "./create-export";
import { datasetCard } from "./dataset-card";
import { ExportImages, imagePath } from "./export-images";
import { ExportTally } from "./export-tally";
import type { ExportConfig } from "./export-config";
import type { ExportRow, FormatWriter } from "./formats/export-row";
import { writeDpo, writeHpdv2, writeImageReward } from "./formats/json-layouts";
import { writePickAPic } from "./formats/pick-a-pic-parquet";
import { writeRewardDifference } from "./formats/reward-difference";
import { writeWebDataset } from "./formats/webdataset";
import type { ExportFile, ExportManifest } from "./manifest";
import { TextFile } from "./formats/split-files";
import { preferenceRows, uncountedReason, type Exclusions, type PreferenceRow } from "./preference-rows";
import { readJudgments } from "./read-judgments";
import { pseudonym, splitOfPrompt } from "./split";

const WRITERS: Record<ExportConfig["format"], FormatWriter> = {
  "pick-a-pic": writePickAPic,
  hpdv2: writeHpdv2,
  imagereward: writeImageReward,
  dpo: writeDpo,
  "reward-difference": writeRewardDifference,
};

/** How often a build records its progress on the export (the web list shows it). */
const PROGRESS_EVERY_MS = 1000;

export interface ExportProgress {
  stage: "reading judgments" | "storing files";
  judgmentsRead: number;
  judgmentsTotal: number;
}

/** A reason the export cannot be built (missing media, nothing left after filtering). */
export class ExportBuildError extends Error {
  override name = "ExportBuildError";
}

/** Each output's reward (a finite metric value) in the chosen evaluation run. */
async function rewardsOf(
  db: Db,
  reward: { runId: string; metric: string },
  rows: readonly PreferenceRow[],
): Promise<Map<string, number>> {
  const outputIds = [...new Set(rows.flatMap((r) => [r.a.outputId, r.b.outputId]))];
  const values = await db.metricValue.findMany({
    where: { runId: reward.runId, metric: reward.metric, outputId: { in: outputIds }, value: { not: null } },
    select: { outputId: true, value: true },
  });
  return new Map(values.map((v) => [v.outputId, v.value!]));
}

function addExclusions(total: Exclusions, batch: Exclusions): void {
  for (const key of Object.keys(total) as (keyof Exclusions)[]) total[key] += batch[key];
}

export async function buildDatasetExport(
  runtime: { db: Db; storage: MediaStorage },
  exportId: string,
  onProgress?: (progress: ExportProgress) => void,
): Promise<ExportManifest> {
  const { db, storage } = runtime;
  const row = await db.datasetExport.findUniqueOrThrow({ where: { id: exportId } });
  if (row.status === "ready") return row.manifest as unknown as ExportManifest;
  if (row.status === "failed") throw new ExportBuildError(row.error ?? "the export failed");
  const config = row.config as unknown as StoredConfig;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-export-"));
  try {
    const studies = await db.study.findMany({ where: { id: { in: config.studyIds } } });
    let total = 0;
    let lastRecorded = 0;
    const progress = async (stage: ExportProgress["stage"], judgmentsRead: number, force = false) => {
      onProgress?.({ stage, judgmentsRead, judgmentsTotal: total });
      if (!force && Date.now() - lastRecorded < PROGRESS_EVERY_MS) return;
      lastRecorded = Date.now();
      await db.datasetExport.update({
        where: { id: exportId },
        data: { judgmentsRead, judgmentsTotal: total },
      });
    };

    const splitOf = new Map<string, ExportRow["split"]>();
    const raterOf = new Map<string, string>();
    let shown = new Map<string, string>();
    const toExportRow = (r: PreferenceRow, rewards: Map<string, number> | null): ExportRow => {
      let split = splitOf.get(r.promptId);
      if (!split) splitOf.set(r.promptId, (split = splitOfPrompt(r.promptId, config.seed, config.split)));
      return {
        ...r,
        split,
        raters: r.raterIds.map((id) => {
          let p = raterOf.get(id);
          if (!p) raterOf.set(id, (p = pseudonym(id, config.raterSalt)));
          return p;
        }),
        modelA: shown.get(r.a.model)!,
        modelB: shown.get(r.b.model)!,
        imageA: imagePath(r.a.sha256, r.a.mime),
        imageB: imagePath(r.b.sha256, r.b.mime),
        ...(rewards ? { rewardA: rewards.get(r.a.outputId)!, rewardB: rewards.get(r.b.outputId)! } : {}),
      };
    };

    // Inline and WebDataset exports carry the images' bytes; "files" lists the stored images.
    const inline = config.images !== "files";
    const writer = config.images === "webdataset" ? writeWebDataset : WRITERS[config.format];
    const sink = writer({
      dir,
      ...(inline ? { readImage: (sha256: string) => readAssetBytes(storage, sha256) } : {}),
    });
    const images = new ExportImages(storage);
    const tally = new ExportTally((j) => uncountedReason(j, config) === null);
    const excluded: Exclusions = { flaggedRater: 0, gold: 0, lowAgreement: 0, tie: 0, unscored: 0 };
    let read = 0;
    let failing = false;
    await readJudgments(
      db,
      config.studyIds,
      config.axisId,
      async (source) => {
        total = source.total;
        // Model names, hidden or not, are fixed by every model in the studies' items, so a model
        // keeps its pseudonym whichever rows the filters leave.
        shown = new Map(source.models.map((m, i) => [m, config.hideModelNames ? `model-${i + 1}` : m]));
        await progress("reading judgments", 0, true);
      },
      async (batch) => {
        read += batch.read;
        tally.addJudged(batch.judged);
        const built = preferenceRows(batch.judged, config);
        addExclusions(excluded, built.excluded);
        let rows = built.rows;
        const rewards = config.reward && rows.length ? await rewardsOf(db, config.reward, rows) : null;
        if (rewards) {
          const scored = rows.filter((r) => rewards.has(r.a.outputId) && rewards.has(r.b.outputId));
          excluded.unscored += rows.length - scored.length;
          rows = scored;
        }
        const shownImages = rows.flatMap((r) => [r.a, r.b]);
        await images.check(shownImages);
        rows = rows.filter((r) => !images.isMissing(r.a) && !images.isMissing(r.b));
        // Missing media without skipMissingMedia fails the export; the rest is still read, to list
        // every missing file in the message, but nothing more is written.
        failing ||= !config.skipMissingMedia && images.anyMissing;
        if (!failing) {
          images.use(rows.flatMap((r) => [r.a, r.b]));
          const exportRows = rows.map((r) => toExportRow(r, rewards));
          await sink.add(exportRows);
          tally.addRows(exportRows, batch.judged);
        }
        await progress("reading judgments", read);
      },
    );
    const written = await sink.finish();
    const skipped = images.missingOutputs();
    if (failing)
      throw new ExportBuildError(
        `${skipped.length} outputs' media files are missing from storage (${skipped.slice(0, 10).join(", ")}${skipped.length > 10 ? ", …" : ""}); export with skipMissingMedia to leave them out`,
      );
    if (tally.rowCount === 0) throw new ExportBuildError("No rows are left to export after filtering.");

    await progress("storing files", read, true);
    const { raterSalt: _salt, ...publicConfig } = config;
    const axis = pairwiseConfigOf(studies[0]!).axes.find((a) => a.id === config.axisId)!;
    const manifest: ExportManifest = {
      name: row.name,
      version: row.version,
      format: config.format,
      createdAt: new Date().toISOString(),
      config: publicConfig,
      axis: { id: config.axisId, label: axis.label ?? axis.question },
      sources: config.studyIds.map((id) => {
        const study = studies.find((s) => s.id === id)!;
        return { studyId: id, name: study.name, status: study.status, judgments: tally.judgmentsOf(id) };
      }),
      complete: studies.every((s) => s.status === "completed" || s.status === "archived"),
      counts: tally.counts(),
      excluded,
      agreement: tally.agreement(),
      skippedMissingMedia: skipped,
      images: { count: 0, bytes: 0 },
      files: [],
    };
    await fsp.writeFile(path.join(dir, "README.md"), datasetCard(manifest));
    const files: ExportFile[] = [];
    for (const file of ["README.md", ...written]) {
      const stored = await storage.putFile(path.join(dir, file));
      files.push({ path: file, bytes: stored.bytes, sha256: stored.sha256 });
    }
    // SHA256SUMS: the card and data files, then the images the rows show (none when inline).
    const sumsFile = path.join(dir, CHECKSUMS_FILE);
    const sums = new TextFile(sumsFile);
    for (const file of files) await sums.write(checksumLine(file));
    for (const image of inline ? [] : images.present()) {
      await sums.write(checksumLine(image));
      manifest.images.count++;
      manifest.images.bytes += image.bytes;
    }
    await sums.close();
    const storedSums = await storage.putFile(sumsFile);
    files.push({ path: CHECKSUMS_FILE, bytes: storedSums.bytes, sha256: storedSums.sha256 });
    manifest.files = files;
    await db.datasetExport.update({
      where: { id: exportId },
      data: {
        status: "ready",
        manifest: manifest as unknown as Prisma.InputJsonObject,
        judgmentsRead: read,
        finishedAt: new Date(),
        error: null,
      },
    });
    return manifest;
  } catch (err) {
    if (err instanceof ExportBuildError)
      await db.datasetExport.update({
        where: { id: exportId },
        data: { status: "failed", error: err.message, finishedAt: new Date() },
      });
    throw err;
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
