/**
 * What every prompt-file layout comes down to: records (a row's fields by name) that become prompts
 * or per-row errors. The column names below are how the public benchmark layouts are recognised,
 * whatever the container (CSV, TSV, JSONL or a JSON document):
 *
 * - PartiPrompts (google-research/parti, `PartiPrompts.tsv`): Prompt, Category, Challenge, Note;
 * - Movie Gen Bench (facebookresearch/MovieGenBench, `MovieGenVideoBenchWithTag.csv`): prompt,
 *   concept, motion_level;
 * - DrawBench (Saharia et al. 2022, the Imagen paper; its sheet and HF `sayakpaul/drawbench`):
 *   Prompts, Category;
 * - GenAI-Bench (Lin et al. 2024, linzhiqiu/t2v_metrics, `genai_image.json`): prompt, basic_skills,
 *   advanced_skills (see formats/genai-bench.ts for the JSON shape).
 */

export type PromptFileFormat = "csv" | "tsv" | "jsonl" | "json" | "txt";

export type ParsedPrompt = {
  /** 1-based line (row) in the file, for the import report. */
  line: number;
  externalId: string;
  text: string;
  tags: string[];
  /** Every other column of the row, as given. */
  metadata: Record<string, string>;
};

export type PromptRowError = { line: number; message: string };

export type ParsedPromptFile = {
  format: PromptFileFormat;
  prompts: ParsedPrompt[];
  errors: PromptRowError[];
};

/** One record read from a file, before it becomes a prompt. */
export type SourceRecord = {
  line: number;
  row: Record<string, unknown>;
  /** The prompt's id where the layout gives it outside the row (a JSON key, a list position). */
  externalId?: string;
  /** Tags the layout gives outside the row (HPSv2's style), before the row's own. */
  tags?: string[];
};

export class PromptFileError extends Error {
  override name = "PromptFileError";
}

/** Column names (lower-cased) that hold the prompt text (DrawBench's is `Prompts`), and its id. */
export const TEXT_COLUMNS = ["prompt", "text", "caption", "prompt_text", "prompts"];
const ID_COLUMNS = ["id", "prompt_id", "promptid", "uid"];
/** Category columns whose values become tags as they are (comma-separated values split). */
const CATEGORY_COLUMNS = [
  "category",
  "challenge",
  "concept",
  "categories",
  "tags",
  "tag",
  "basic_skills",
  "advanced_skills",
];
/** Columns whose values become `name: value` tags, where a bare value would be ambiguous. */
const NAMED_TAG_COLUMNS: Record<string, string> = { motion_level: "motion" };

function tagsFrom(row: Record<string, unknown>): string[] {
  const tags: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    const k = key.trim().toLowerCase();
    if (Array.isArray(value) && CATEGORY_COLUMNS.includes(k)) {
      tags.push(...value.map((v) => String(v).trim()));
    } else if (typeof value === "string" || typeof value === "number") {
      const v = String(value).trim();
      if (!v) continue;
      if (CATEGORY_COLUMNS.includes(k)) tags.push(...v.split(/[,|]/).map((t) => t.trim()));
      else if (NAMED_TAG_COLUMNS[k]) tags.push(`${NAMED_TAG_COLUMNS[k]}: ${v}`);
    }
  }
  return tags;
}

function pick(row: Record<string, unknown>, names: string[]): string | undefined {
  for (const [key, value] of Object.entries(row)) {
    if (
      names.includes(key.trim().toLowerCase()) &&
      (typeof value === "string" || typeof value === "number")
    ) {
      const v = String(value).trim();
      if (v) return v;
    }
  }
  return undefined;
}

/** True when a record has a non-empty prompt text column. */
export function hasPromptText(row: Record<string, unknown>): boolean {
  return pick(row, TEXT_COLUMNS) !== undefined;
}

/** The record's own id (its first non-empty id column), if it has one. */
export function recordId(row: Record<string, unknown>): string | undefined {
  return pick(row, ID_COLUMNS);
}

/** Records to prompts: the first record with an id wins, a later one with the same id is an error. */
export function fromRecords(
  format: PromptFileFormat,
  records: SourceRecord[],
  errors: PromptRowError[],
): ParsedPromptFile {
  const prompts: ParsedPrompt[] = [];
  const seen = new Map<string, number>();
  for (const [index, record] of records.entries()) {
    const { line, row } = record;
    const text = pick(row, TEXT_COLUMNS);
    if (!text) {
      errors.push({ line, message: "no prompt text (expected a column named prompt, text or caption)" });
      continue;
    }
    // Without an id a prompt is known by its row number among the file's records.
    const externalId = record.externalId ?? recordId(row) ?? String(index + 1);
    const firstLine = seen.get(externalId);
    if (firstLine !== undefined) {
      errors.push({ line, message: `prompt id "${externalId}" was already used on line ${firstLine}` });
      continue;
    }
    seen.set(externalId, line);
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      const k = key.trim().toLowerCase();
      if (TEXT_COLUMNS.includes(k) || value === null || value === undefined) continue;
      // An id column is the prompt's id; one that differs from an id the layout gave is kept.
      if (ID_COLUMNS.includes(k) && (record.externalId === undefined || String(value).trim() === externalId))
        continue;
      metadata[key.trim()] = typeof value === "string" ? value : JSON.stringify(value);
    }
    const tags = [...new Set([...(record.tags ?? []), ...tagsFrom(row)].filter(Boolean))];
    prompts.push({ line, externalId, text, tags, metadata });
  }
  return { format, prompts, errors };
}
