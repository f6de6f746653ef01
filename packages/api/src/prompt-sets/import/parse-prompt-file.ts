/**
 * Reading a prompt set from a file: CSV, TSV, JSONL, or plain text with one prompt per line.
 * PartiPrompts' TSV (Prompt, Category, Challenge, Note) and Movie Gen Bench's CSV (prompt,
 * concept, motion_level) are read natively; other files only need a prompt column.
 *
 * Every row ends up either as a prompt or as an error with its line number and reason, so an
 * import report can show exactly what happened to each row and nothing is dropped silently.
 */
import { parse } from "csv-parse/sync";

export type PromptFileFormat = "csv" | "tsv" | "jsonl" | "txt";

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

/** Column names (lower-cased) that hold the prompt text, its id, and its categories. */
const TEXT_COLUMNS = ["prompt", "text", "caption", "prompt_text"];
const ID_COLUMNS = ["id", "prompt_id", "promptid", "uid"];
/** Category columns whose values become tags as they are (comma-separated values split). */
const CATEGORY_COLUMNS = ["category", "challenge", "concept", "categories", "tags", "tag"];
/** Columns whose values become `name: value` tags, where a bare value would be ambiguous. */
const NAMED_TAG_COLUMNS: Record<string, string> = { motion_level: "motion" };

export class PromptFileError extends Error {
  override name = "PromptFileError";
}

export function detectFormat(filename: string, text: string): PromptFileFormat {
  const ext = filename.toLowerCase().split(".").pop();
  if (ext === "tsv") return "tsv";
  if (ext === "csv") return "csv";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "txt") return "txt";
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  if (first.trimStart().startsWith("{")) return "jsonl";
  if (first.includes("\t")) return "tsv";
  return "txt";
}

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
  return [...new Set(tags.filter(Boolean))];
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

function fromRecords(
  format: PromptFileFormat,
  records: { line: number; row: Record<string, unknown> }[],
  errors: PromptRowError[],
): ParsedPromptFile {
  const prompts: ParsedPrompt[] = [];
  const seen = new Map<string, number>();
  for (const [index, { line, row }] of records.entries()) {
    const text = pick(row, TEXT_COLUMNS);
    if (!text) {
      errors.push({ line, message: "no prompt text (expected a column named prompt, text or caption)" });
      continue;
    }
    // Without an id column a prompt is known by its row number among the file's records.
    const externalId = pick(row, ID_COLUMNS) ?? String(index + 1);
    const firstLine = seen.get(externalId);
    if (firstLine !== undefined) {
      errors.push({ line, message: `prompt id "${externalId}" was already used on line ${firstLine}` });
      continue;
    }
    seen.set(externalId, line);
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(row)) {
      const k = key.trim().toLowerCase();
      if (TEXT_COLUMNS.includes(k) || ID_COLUMNS.includes(k) || value === null || value === undefined)
        continue;
      metadata[key.trim()] = typeof value === "string" ? value : JSON.stringify(value);
    }
    prompts.push({ line, externalId, text, tags: tagsFrom(row), metadata });
  }
  return { format, prompts, errors };
}

function parseDelimited(text: string, delimiter: "," | "\t", format: PromptFileFormat): ParsedPromptFile {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      columns: (header: string[]) => header.map((h) => h.replace(/^\uFEFF/, "").trim()),
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    });
  } catch (err) {
    throw new PromptFileError(`cannot read the ${format.toUpperCase()} file: ${(err as Error).message}`);
  }
  const first = rows[0]?.record;
  if (first && !Object.keys(first).some((k) => TEXT_COLUMNS.includes(k.toLowerCase()))) {
    throw new PromptFileError(
      `no prompt column in the header (found ${Object.keys(first).join(", ")}); name it prompt, text or caption`,
    );
  }
  return fromRecords(
    format,
    rows.map((r) => ({ line: r.info.lines, row: r.record })),
    [],
  );
}

function parseJsonl(text: string): ParsedPromptFile {
  const errors: PromptRowError[] = [];
  const records: { line: number; row: Record<string, unknown> }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value === "string") records.push({ line: i + 1, row: { prompt: value } });
      else if (value && typeof value === "object" && !Array.isArray(value)) {
        records.push({ line: i + 1, row: value as Record<string, unknown> });
      } else errors.push({ line: i + 1, message: "expected a JSON object or string" });
    } catch {
      errors.push({ line: i + 1, message: "not valid JSON" });
    }
  });
  return fromRecords("jsonl", records, errors);
}

function parseLines(text: string): ParsedPromptFile {
  const records = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, row: { prompt: l } }))
    .filter((r) => r.row.prompt.trim() !== "");
  return fromRecords("txt", records, []);
}

export function parsePromptFile(
  text: string,
  opts: { filename: string; format?: PromptFileFormat },
): ParsedPromptFile {
  const format = opts.format ?? detectFormat(opts.filename, text);
  switch (format) {
    case "csv":
      return parseDelimited(text, ",", "csv");
    case "tsv":
      return parseDelimited(text, "\t", "tsv");
    case "jsonl":
      return parseJsonl(text);
    case "txt":
      return parseLines(text);
  }
}
