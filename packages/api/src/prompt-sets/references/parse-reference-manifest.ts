/**
 * A reference-media manifest: which file is which prompt's subject image, inpainting source, mask,
 * exemplar or degraded input. JSONL (one object per line) or CSV with a header; columns:
 * `prompt_id` (or the exact `prompt` text), `role`, `file`, and optionally `position` (several
 * subject images of one prompt are 0, 1, 2, …). Each row parses or becomes an error with its line.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";

export const REFERENCE_COLUMNS = ["prompt_id", "prompt", "role", "file", "position"] as const;

const rowSchema = z
  .object({
    prompt_id: z.coerce.string().trim().min(1).optional(),
    prompt: z.string().trim().min(1).optional(),
    role: z
      .string()
      .trim()
      .regex(
        /^[a-z0-9_-]{1,40}$/,
        "use up to 40 lowercase letters, digits, _ and - (e.g. subject, source, mask)",
      ),
    file: z.string().trim().min(1, "is empty"),
    position: z.coerce.number().int().min(0).max(99).default(0),
  })
  .strict()
  .refine((r) => r.prompt_id || r.prompt, {
    message: "give prompt_id or the exact prompt text",
    path: ["prompt_id"],
  });

export type ReferenceRow = {
  line: number;
  promptId?: string;
  prompt?: string;
  role: string;
  file: string;
  position: number;
};
export type ReferenceRowError = { line: number; file?: string; message: string };

export class ReferenceManifestError extends Error {
  override name = "ReferenceManifestError";
}

function toRow(line: number, raw: unknown, rows: ReferenceRow[], errors: ReferenceRowError[]) {
  const cleaned =
    raw && typeof raw === "object"
      ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== "" && v !== null && v !== undefined))
      : raw;
  const parsed = rowSchema.safeParse(cleaned);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) =>
        i.code === "unrecognized_keys"
          ? `unknown field ${i.keys.map((k) => `"${k}"`).join(", ")}`
          : `${i.path.join(".") || "row"}: ${i.message}`,
      )
      .join("; ");
    const file = (raw as { file?: unknown } | null)?.file;
    errors.push({ line, ...(typeof file === "string" ? { file } : {}), message });
    return;
  }
  const r = parsed.data;
  rows.push({
    line,
    promptId: r.prompt_id,
    prompt: r.prompt,
    role: r.role,
    file: r.file,
    position: r.position,
  });
}

export function parseReferenceManifest(text: string, filename: string) {
  const rows: ReferenceRow[] = [];
  const errors: ReferenceRowError[] = [];
  const jsonl =
    /\.(jsonl|ndjson)$/i.test(filename) || (!/\.csv$/i.test(filename) && text.trimStart().startsWith("{"));
  if (jsonl) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        toRow(i + 1, JSON.parse(line), rows, errors);
      } catch {
        errors.push({ line: i + 1, message: "not valid JSON" });
      }
    });
    return { rows, errors };
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => {
        const cols = header.map((c) =>
          c
            .replace(/^\uFEFF/, "")
            .trim()
            .toLowerCase(),
        );
        const unknown = cols.filter((c) => !(REFERENCE_COLUMNS as readonly string[]).includes(c));
        if (unknown.length > 0)
          throw new ReferenceManifestError(
            `unknown column ${unknown.map((u) => `"${u}"`).join(", ")} in the CSV header (expected ${REFERENCE_COLUMNS.join(", ")})`,
          );
        if (
          !cols.includes("role") ||
          !cols.includes("file") ||
          !(cols.includes("prompt_id") || cols.includes("prompt"))
        )
          throw new ReferenceManifestError(
            "the CSV header needs prompt_id (or prompt), role and file columns",
          );
        return cols;
      },
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (err) {
    if (err instanceof ReferenceManifestError) throw err;
    throw new ReferenceManifestError(`the CSV could not be read: ${(err as Error).message}`);
  }
  for (const { record, info } of records) toRow(info.lines, record, rows, errors);
  return { rows, errors };
}
