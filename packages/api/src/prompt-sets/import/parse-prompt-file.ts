/**
 * Reading a prompt set from a file: CSV, TSV, JSONL, a JSON document, or plain text with one prompt
 * per line. PartiPrompts' TSV (Prompt, Category, Challenge, Note), Movie Gen Bench's CSV (prompt,
 * concept, motion_level) and DrawBench's CSV (Prompts, Category) are read natively by their column
 * names (records.ts); HPSv2's benchmark JSON and GenAI-Bench's `genai_image.json` by their shape
 * (formats/). Other files only need a prompt column.
 *
 * Every row ends up either as a prompt or as an error with its line number and reason, so an
 * import report can show exactly what happened to each row and nothing is dropped silently.
 */
import { parse } from "csv-parse/sync";
import { isJsonDocument, parseJsonDocument } from "./formats/json-document";
import {
  fromRecords,
  PromptFileError,
  TEXT_COLUMNS,
  type ParsedPromptFile,
  type PromptFileFormat,
  type PromptRowError,
  type SourceRecord,
} from "./records";

export {
  PromptFileError,
  type ParsedPrompt,
  type ParsedPromptFile,
  type PromptFileFormat,
  type PromptRowError,
} from "./records";

export function detectFormat(filename: string, text: string): PromptFileFormat {
  const ext = filename.toLowerCase().split(".").pop();
  if (ext === "tsv") return "tsv";
  if (ext === "csv") return "csv";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "json") return "json";
  if (ext === "txt") return "txt";
  if (isJsonDocument(text)) return "json";
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  if (first.trimStart().startsWith("{")) return "jsonl";
  if (first.includes("\t")) return "tsv";
  return "txt";
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
  const records: SourceRecord[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
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
    case "json":
      // A `.json` file that holds JSON lines is read as such.
      return parseJsonDocument(text, opts.filename) ?? parseJsonl(text);
    case "txt":
      return parseLines(text);
  }
}
