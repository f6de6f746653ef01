/**
 * Making a dataset export: `createDatasetExport` checks the request and records a new version of
 * the named export; `buildDatasetExport` reads the judgments, writes the format's files, stores
 * each in media storage under its sha256 (images are the outputs' own stored files, listed, not
 * copied), and records the manifest. A build can simply run again after a crash: the same config
 * on the same judgments gives the same files.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { isUniqueViolation, type Db, type Prisma } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import { krippendorffAlpha } from "@loupe/stats";
import { readAssetBytes } from "../evaluations/read-asset";
import { pairwiseConfigOf } from "../studies/service";
import { datasetCard } from "./dataset-card";
import { collectJudgments } from "./collect-judgments";
import { exportConfig, type ExportConfig, type ExportConfigInput, type Split } from "./export-config";
import { writeDpo, writeHpdv2, writeImageReward } from "./formats/json-layouts";
import type { ExportRow, FormatWriter } from "./formats/export-row";
import { writePickAPic } from "./formats/pick-a-pic-parquet";
import { writeRewardDifference } from "./formats/reward-difference";
import { writeWebDataset } from "./formats/webdataset";
import type { ExportFile, ExportManifest, SplitCounts } from "./manifest";
import { preferenceRows } from "./preference-rows";
import { pseudonym, splitOfPrompt } from "./split";

const WRITERS: Record<ExportConfig["format"], FormatWriter> = {
  "pick-a-pic": writePickAPic,
  hpdv2: writeHpdv2,
  imagereward: writeImageReward,
  dpo: writeDpo,
  "reward-difference": writeRewardDifference,
};

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
  "video/mp4": "mp4",
  "video/webm": "webm",
};
const imagePath = (sha256: string, mime: string) => `images/${sha256}.${EXTENSIONS[mime] ?? "bin"}`;

/** The stored config: the request's, with its axis and rater salt fixed. */
type StoredConfig = ExportConfig & { axisId: string; raterSalt: string };

export async function createDatasetExport(
  db: Db,
  projectId: string,
  input: ExportConfigInput,
  actor: { userId?: string } = {},
): Promise<{ id: string; name: string; version: number }> {
  const parsed = exportConfig.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`,
    });
  }
  const config = parsed.data;
  const studies = await db.study.findMany({ where: { projectId, id: { in: config.studyIds } } });
  const missing = config.studyIds.filter((id) => !studies.some((s) => s.id === id));
  if (missing.length)
    throw new TRPCError({ code: "NOT_FOUND", message: `No study ${missing.join(", ")} in this project.` });
  const axes = studies.map((s) => pairwiseConfigOf(s).axes);
  const axisId = config.axisId ?? axes[0]![0]!.id;
  const lacking = studies.filter((_, i) => !axes[i]!.some((a) => a.id === axisId));
  if (lacking.length)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The question "${axisId}" is not in ${lacking.map((s) => `"${s.name}"`).join(", ")}.`,
    });
  if (config.reward) {
    const run = await db.evaluationRun.findFirst({ where: { id: config.reward.runId, projectId } });
    if (!run)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `No evaluation run ${config.reward.runId} in this project.`,
      });
    if (run.status !== "done")
      throw new TRPCError({ code: "BAD_REQUEST", message: `The evaluation run is ${run.status}, not done.` });
    const values = await db.metricValue.count({
      where: { runId: run.id, metric: config.reward.metric, value: { not: null } },
    });
    if (values === 0)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `The evaluation run has no "${config.reward.metric}" values.`,
      });
  }
  const judgments = await db.judgment.count({ where: { studyId: { in: config.studyIds }, undo: null } });
  if (judgments === 0)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The studies have no judgments yet: nothing to export.",
    });

  const stored: StoredConfig = {
    ...config,
    axisId,
    raterSalt: config.raterSalt ?? crypto.randomBytes(24).toString("hex"),
  };
  for (let attempt = 0; ; attempt++) {
    const last = await db.datasetExport.aggregate({
      where: { projectId, name: config.name },
      _max: { version: true },
    });
    try {
      const row = await db.datasetExport.create({
        data: {
          projectId,
          name: config.name,
          version: (last._max.version ?? 0) + 1,
          format: config.format,
          config: stored as unknown as Prisma.InputJsonObject,
          createdById: actor.userId ?? null,
        },
      });
      return { id: row.id, name: row.name, version: row.version };
    } catch (err) {
      // Another export of the same name took this version at the same moment: take the next.
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

/** Each output's reward (a finite metric value) in the chosen evaluation run. */
async function rewardsOf(
  db: Db,
  reward: { runId: string; metric: string },
  rows: readonly { a: { outputId: string }; b: { outputId: string } }[],
): Promise<Map<string, number>> {
  const outputIds = [...new Set(rows.flatMap((r) => [r.a.outputId, r.b.outputId]))];
  const values = await db.metricValue.findMany({
    where: { runId: reward.runId, metric: reward.metric, outputId: { in: outputIds }, value: { not: null } },
    select: { outputId: true, value: true },
  });
  return new Map(values.map((v) => [v.outputId, v.value!]));
}

/** A reason the export cannot be built (missing media, nothing left after filtering). */
export class ExportBuildError extends Error {
  override name = "ExportBuildError";
}

export async function buildDatasetExport(
  runtime: { db: Db; storage: MediaStorage },
  exportId: string,
  onProgress?: (stage: string) => void,
): Promise<ExportManifest> {
  const { db, storage } = runtime;
  const row = await db.datasetExport.findUniqueOrThrow({ where: { id: exportId } });
  if (row.status === "ready") return row.manifest as unknown as ExportManifest;
  if (row.status === "failed") throw new ExportBuildError(row.error ?? "the export failed");
  const config = row.config as unknown as StoredConfig;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-export-"));
  try {
    onProgress?.("reading judgments");
    const studies = await db.study.findMany({ where: { id: { in: config.studyIds } } });
    const judged = await collectJudgments(db, config.studyIds, config.axisId);
    const { rows: preferred, excluded } = preferenceRows(judged, config);

    onProgress?.("checking media");
    const media = new Map<string, { mime: string; outputIds: string[] }>();
    for (const r of preferred)
      for (const image of [r.a, r.b]) {
        const entry = media.get(image.sha256) ?? { mime: image.mime, outputIds: [] };
        entry.outputIds.push(image.outputId);
        media.set(image.sha256, entry);
      }
    const sizes = new Map<string, number>();
    const absent: string[] = [];
    for (const sha256 of media.keys()) {
      const stat = await storage.stat(sha256);
      if (stat) sizes.set(sha256, stat.bytes);
      else absent.push(sha256);
    }
    const skipped = [...new Set(absent.flatMap((sha) => media.get(sha)!.outputIds))].sort();
    if (absent.length && !config.skipMissingMedia)
      throw new ExportBuildError(
        `${skipped.length} outputs' media files are missing from storage (${skipped.slice(0, 10).join(", ")}${skipped.length > 10 ? ", …" : ""}); export with skipMissingMedia to leave them out`,
      );
    const missing = new Set(absent);
    let kept = preferred.filter((r) => !missing.has(r.a.sha256) && !missing.has(r.b.sha256));
    const rewards = config.reward ? await rewardsOf(db, config.reward, kept) : null;
    if (rewards) {
      const scored = kept.filter((r) => rewards.has(r.a.outputId) && rewards.has(r.b.outputId));
      excluded.unscored = kept.length - scored.length;
      kept = scored;
    }
    if (kept.length === 0) throw new ExportBuildError("No rows are left to export after filtering.");

    const models = [...new Set(kept.flatMap((r) => [r.a.model, r.b.model]))].sort();
    const shown = new Map(models.map((m, i) => [m, config.hideModelNames ? `model-${i + 1}` : m]));
    const rows: ExportRow[] = kept.map((r) => ({
      ...r,
      split: splitOfPrompt(r.promptId, config.seed, config.split),
      raters: r.raterIds.map((id) => pseudonym(id, config.raterSalt)),
      modelA: shown.get(r.a.model)!,
      modelB: shown.get(r.b.model)!,
      imageA: imagePath(r.a.sha256, r.a.mime),
      imageB: imagePath(r.b.sha256, r.b.mime),
      ...(rewards ? { rewardA: rewards.get(r.a.outputId)!, rewardB: rewards.get(r.b.outputId)! } : {}),
    }));

    onProgress?.("writing files");
    // Inline and WebDataset exports carry the images' bytes; "files" lists the stored images.
    const inline = config.images !== "files";
    const writer = config.images === "webdataset" ? writeWebDataset : WRITERS[config.format];
    const written = await writer(rows, {
      dir,
      ...(inline ? { readImage: (sha256: string) => readAssetBytes(storage, sha256) } : {}),
    });

    const counts: Partial<Record<Split, SplitCounts>> = {};
    const promptsOf = new Map<Split, Set<string>>();
    for (const r of rows) {
      const c = (counts[r.split] ??= { rows: 0, prompts: 0, a: 0, b: 0, tie: 0 });
      c.rows++;
      c[r.preference]++;
      promptsOf.set(r.split, (promptsOf.get(r.split) ?? new Set()).add(r.promptId));
    }
    for (const [split, prompts] of promptsOf) counts[split]!.prompts = prompts.size;
    const items = new Map(rows.map((r) => [r.itemId, r]));
    const multi = [...items.values()].filter((r) => r.judgments >= 2);
    // α over the counted judgments of the items that made it into the export.
    const valuesByItem = new Map<string, { raterId: string; value: string }[]>();
    for (const j of judged) {
      if (!items.has(j.taskId)) continue;
      if ((config.excludeGold && j.isGold) || (config.excludeFlaggedRaters && j.raterExcluded)) continue;
      const values = valuesByItem.get(j.taskId) ?? [];
      values.push({ raterId: j.raterId, value: j.preference });
      valuesByItem.set(j.taskId, values);
    }
    const alpha = krippendorffAlpha(
      [...valuesByItem].map(([unitId, values]) => ({ unitId, values })),
      { level: "nominal" },
    );
    const { raterSalt: _salt, ...publicConfig } = config;

    const manifest: ExportManifest = {
      name: row.name,
      version: row.version,
      format: config.format,
      createdAt: new Date().toISOString(),
      config: publicConfig,
      axis: {
        id: config.axisId,
        label: (() => {
          const axis = pairwiseConfigOf(studies[0]!).axes.find((a) => a.id === config.axisId)!;
          return axis.label ?? axis.question;
        })(),
      },
      sources: config.studyIds.map((id) => {
        const study = studies.find((s) => s.id === id)!;
        return {
          studyId: id,
          name: study.name,
          status: study.status,
          judgments: judged.filter((j) => j.studyId === id).length,
        };
      }),
      complete: studies.every((s) => s.status === "completed" || s.status === "archived"),
      counts: { rows: rows.length, splits: counts },
      excluded,
      agreement: {
        items: items.size,
        itemsWithTwoOrMore: multi.length,
        meanAgreement: multi.length ? multi.reduce((s, r) => s + r.agreement, 0) / multi.length : null,
        krippendorffAlpha: alpha.alpha,
        alphaUndefinedReason: alpha.reason,
      },
      skippedMissingMedia: skipped,
      files: [],
    };

    onProgress?.("storing files");
    const card = Buffer.from(datasetCard(manifest));
    const files: ExportFile[] = [];
    for (const [file, bytes] of [
      ["README.md", card] as const,
      ...(await Promise.all(written.map(async (f) => [f, await fsp.readFile(path.join(dir, f))] as const))),
    ]) {
      const stored = await storage.put(bytes);
      files.push({ path: file, bytes: stored.bytes, sha256: stored.sha256 });
    }
    if (!inline) {
      for (const [sha256, entry] of [...media]
        .filter(([sha]) => !missing.has(sha))
        .sort(([x], [y]) => (x < y ? -1 : 1)))
        files.push({ path: imagePath(sha256, entry.mime), bytes: sizes.get(sha256)!, sha256 });
    }
    manifest.files = files;
    await db.datasetExport.update({
      where: { id: exportId },
      data: {
        status: "ready",
        manifest: manifest as unknown as Prisma.InputJsonObject,
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

/** Writes an export's files (and its manifest.json) into a directory, from storage. */
export async function writeExportTo(
  runtime: { db: Db; storage: MediaStorage },
  exportId: string,
  outDir: string,
): Promise<ExportManifest> {
  const row = await runtime.db.datasetExport.findUniqueOrThrow({ where: { id: exportId } });
  if (row.status !== "ready") throw new ExportBuildError(`The export is ${row.status}, not ready.`);
  const manifest = row.manifest as unknown as ExportManifest;
  for (const file of manifest.files) {
    const target = path.join(outDir, file.path);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(target);
      runtime.storage
        .createReadStream(file.sha256)
        .on("error", reject)
        .pipe(out)
        .on("error", reject)
        .on("finish", resolve);
    });
  }
  await fsp.writeFile(path.join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
