/**
 * Reading an outputs manifest: JSONL (one object per line) or CSV with a header. Each row becomes
 * either a `ManifestRow` or an error with its line number and reason; a CSV header that cannot be
 * read as a manifest (an unknown or a missing column) stops the whole file with `ManifestError`,
 * because every row would fail the same way.
 */
import { parse } from "csv-parse/sync";
import { MANIFEST_COLUMNS, toManifestRow, type ManifestRow, type ManifestRowError } from "./manifest-row";

export type ManifestFormat = "jsonl" | "csv";

export type ParsedManifest = {
  format: ManifestFormat;
  rows: ManifestRow[];
  errors: ManifestRowError[];
};

export class ManifestError extends Error {
  override name = "ManifestError";
}

export function detectManifestFormat(filename: string, text: string): ManifestFormat {
  const ext = filename.toLowerCase().split(".").pop();
  if (ext === "csv") return "csv";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  return text.trimStart().startsWith("{") ? "jsonl" : "csv";
}

function checkHeader(header: string[]): void {
  const known = new Set<string>(MANIFEST_COLUMNS);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length > 0) {
    throw new ManifestError(
      `unknown ${unknown.length === 1 ? "column" : "columns"} ${unknown.map((u) => JSON.stringify(u)).join(", ")} in the CSV header (expected ${MANIFEST_COLUMNS.join(", ")})`,
    );
  }
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) throw new ManifestError(`column "${dup}" appears twice in the CSV header`);
  const missing = [
    header.includes("model") ? null : "model",
    header.includes("prompt_id") || header.includes("prompt") ? null : "prompt_id (or prompt)",
    header.includes("file") || header.includes("path") ? null : "file (or path)",
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    throw new ManifestError(
      `the CSV header has no ${missing.join(", ")} column (found ${header.join(", ") || "nothing"})`,
    );
  }
}

function parseCsv(text: string): ParsedManifest {
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (h: string[]) => {
        header = h.map((c) =>
          c
            .replace(/^\uFEFF/, "")
            .trim()
            .toLowerCase(),
        );
        checkHeader(header);
        return header;
      },
      bom: true,
      skip_empty_lines: true,
      info: true,
    });
  } catch (err) {
    if (err instanceof ManifestError) throw err;
    throw new ManifestError(`cannot read the CSV manifest: ${(err as Error).message}`);
  }
  if (header.length === 0) throw new ManifestError("the manifest is empty");
  const rows: ManifestRow[] = [];
  const errors: ManifestRowError[] = [];
  for (const { record, info } of records) {
    const result = toManifestRow(info.lines, record);
    if ("row" in result) rows.push(result.row);
    else errors.push(result.error);
  }
  return { format: "csv", rows, errors };
}

function parseJsonl(text: string): ParsedManifest {
  const rows: ManifestRow[] = [];
  const errors: ManifestRowError[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (!raw.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        errors.push({ line, message: "not valid JSON" });
        return;
      }
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        errors.push({ line, message: "expected a JSON object" });
        return;
      }
      const result = toManifestRow(line, value as Record<string, unknown>);
      if ("row" in result) rows.push(result.row);
      else errors.push(result.error);
    });
  return { format: "jsonl", rows, errors };
}

export function parseOutputManifest(
  text: string,
  opts: { filename: string; format?: ManifestFormat },
): ParsedManifest {
  const format = opts.format ?? detectManifestFormat(opts.filename, text);
  const parsed = format === "csv" ? parseCsv(text) : parseJsonl(text);
  if (parsed.rows.length === 0 && parsed.errors.length === 0)
    throw new ManifestError("the manifest has no rows");
  return parsed;
}
