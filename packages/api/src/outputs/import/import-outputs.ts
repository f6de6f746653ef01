/**
 * Importing many outputs at once (manifest or folder rows, from the CLI, REST or the web page).
 * Every row ends as `imported`, `duplicate` or `error` with a reason; a bad row never stops the
 * rest. Rows are processed in order, one at a time: media validation runs ffmpeg/sharp and the
 * machine is small, and a stable order makes "duplicate of line N" meaningful.
 *
 * Unknown models are errors by default — a typo in a model name must not silently create a new
 * model that then shows up in studies and leaderboards. `createModels: true` registers them.
 */
import { TRPCError } from "@trpc/server";
import { MediaRejectedError, type MediaInput, type MediaLimits } from "@loupe/media";
import type { Runtime } from "../../runtime";
import { paramsHash } from "../params-hash";
import type { ManifestRow, ManifestRowError } from "./manifest-row";
import { ModelIndex, PromptIndex } from "./resolve-targets";
import { findOutput, sameFileAs, storeOutput, type OutputKey } from "./store-output";

export type ImportErrorCode =
  "invalid_row" | "unknown_model" | "unknown_prompt" | "missing_file" | "rejected_media";

export type OutputImportRow = {
  line: number;
  file?: string;
  status: "imported" | "duplicate" | "error";
  reason?: string;
  code?: ImportErrorCode;
  outputId?: string;
  kind?: "image" | "video" | "audio";
  /** Duplicates only: whether this row's file is the one already stored (null: not checked). */
  sameFile?: boolean | null;
};

export type OutputImportReport = {
  promptSet: { id: string; name: string };
  rows: OutputImportRow[];
  totals: { rows: number; imported: number; duplicate: number; error: number };
  /** Models registered by this import (only with `createModels`). */
  createdModels: string[];
};

export type ImportOutputsOptions = {
  /** Name of the prompt set the rows' prompt ids and texts refer to. */
  promptSet: string;
  rows: ManifestRow[];
  /** Rows the parser already refused: they go into the report by line. */
  parseErrors?: ManifestRowError[];
  /** The media for a row's `file`, or null when there is no such file. */
  readFile: (file: string) => Promise<MediaInput | null>;
  createModels?: boolean;
  limits?: MediaLimits;
  onProgress?: (done: number, total: number) => void;
};

const keyString = (k: OutputKey) => `${k.modelId}\u0000${k.promptId}\u0000${k.seed}\u0000${k.paramsHash}`;

function error(row: { line: number; file?: string }, code: ImportErrorCode, reason: string): OutputImportRow {
  return { line: row.line, ...(row.file ? { file: row.file } : {}), status: "error", code, reason };
}

function totalsOf(rows: OutputImportRow[]) {
  return {
    rows: rows.length,
    imported: rows.filter((r) => r.status === "imported").length,
    duplicate: rows.filter((r) => r.status === "duplicate").length,
    error: rows.filter((r) => r.status === "error").length,
  };
}

export async function importOutputs(
  runtime: Pick<Runtime, "db" | "storage">,
  projectId: string,
  opts: ImportOutputsOptions,
): Promise<OutputImportReport> {
  const { db } = runtime;
  const set = await db.promptSet.findUnique({
    where: { projectId_name: { projectId, name: opts.promptSet } },
  });
  if (!set) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no prompt set named "${opts.promptSet}" in this project`,
    });
  }
  const models = await ModelIndex.load(db, projectId, opts.createModels ?? false);
  const prompts = await PromptIndex.load(db, set.id, set.name);
  /** Keys written or found by earlier rows of this import → their line. */
  const seen = new Map<string, number>();

  async function importRow(row: ManifestRow): Promise<OutputImportRow> {
    const at = { line: row.line, file: row.file };
    const model = await models.resolve(row.model);
    if ("error" in model) return error(at, "unknown_model", model.error);
    const prompt = prompts.resolve(row);
    if ("error" in prompt) return error(at, "unknown_prompt", prompt.error);
    const key: OutputKey = { modelId: model.ok, ...prompt.ok, paramsHash: paramsHash(row.params) };

    const firstLine = seen.get(keyString(key));
    if (firstLine !== undefined) {
      return {
        ...at,
        status: "duplicate",
        reason: `same model, prompt, seed and params as line ${firstLine}`,
      };
    }
    const existing = await findOutput(db, key);
    if (existing) {
      seen.set(keyString(key), row.line);
      const sameFile = await sameFileAs(existing, await opts.readFile(row.file).catch(() => null));
      return {
        ...at,
        status: "duplicate",
        outputId: existing.id,
        sameFile,
        reason:
          sameFile === false
            ? "already imported with a different file (the first one is kept)"
            : "already imported",
      };
    }

    const input = await opts.readFile(row.file).catch(() => null);
    if (!input) return error(at, "missing_file", `file not found: ${row.file}`);
    try {
      const stored = await storeOutput(runtime, projectId, key, row, input, opts.limits);
      seen.set(keyString(key), row.line);
      return stored.status === "imported"
        ? { ...at, status: "imported", outputId: stored.outputId, kind: stored.kind }
        : {
            ...at,
            status: "duplicate",
            outputId: stored.outputId,
            sameFile: stored.sameFile,
            reason: "already imported",
          };
    } catch (err) {
      if (err instanceof MediaRejectedError)
        return error(at, "rejected_media", `the file was rejected: ${err.message}`);
      throw err;
    }
  }

  const results: OutputImportRow[] = (opts.parseErrors ?? []).map((e) => error(e, "invalid_row", e.message));
  const total = opts.rows.length + results.length;
  opts.onProgress?.(results.length, total);
  for (const row of opts.rows) {
    results.push(await importRow(row));
    opts.onProgress?.(results.length, total);
  }
  results.sort((a, b) => a.line - b.line);
  return {
    promptSet: { id: set.id, name: set.name },
    rows: results,
    totals: totalsOf(results),
    createdModels: models.createdNames,
  };
}
