/**
 * One manifest row made into an item. A row is labelled for people ("line 17" in JSONL, "row 17"
 * in CSV and Parquet, counting data rows from 1) and that label, with the manifest's file name,
 * is the item's identity. The path or URL column locates the item, the caption column gives its
 * caption, every other column goes into metadata. A row that cannot be located (no value, not
 * text, a path escaping the root, a file that is not there, a URL of an unknown scheme) becomes an
 * error item that still carries the caption and metadata it had.
 */
import { errorItem, itemId, locatedItem, type Locator, type SourceItem } from "./item";
import { resolveInsideRoot, type SourceRoot } from "./source-root";

export type ManifestRow =
  { label: string; values: Record<string, unknown> } | { label: string; error: string };

/** A manifest format's reader. */
export interface ManifestReader {
  /**
   * The column names, read before any row (the CSV header, the Parquet schema, the keys of the
   * first JSON object line); null when there is no row to read them from.
   */
  columns(): Promise<string[] | null>;
  /** Every row, in order, a row that cannot be parsed as an error row. */
  rows(): AsyncGenerator<ManifestRow>;
  /** How many rows `rows()` yields. */
  countRows(): Promise<number>;
}

export type RowLocation =
  { kind: "path"; column: string; root: SourceRoot } | { kind: "url"; column: string };

export type RowContext = {
  /** The manifest's file name, part of every id. */
  manifest: string;
  location: RowLocation;
  captionColumn?: string;
};

export const URL_SCHEMES: readonly string[] = ["http:", "https:", "s3:", "gs:"];

const MAX_SHOWN = 200;

/** A value for an error message: quoted, on one line, cut short. */
export function shown(value: string): string {
  const one = JSON.stringify(value);
  return one.length > MAX_SHOWN ? `${one.slice(0, MAX_SHOWN)}…` : one;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

type Caption = { ok: true; caption: string | null } | { ok: false; error: string };

function captionOf(values: Record<string, unknown>, column: string | undefined): Caption {
  if (column === undefined) return { ok: true, caption: null };
  const value = values[column];
  if (value === undefined || value === null || value === "") return { ok: true, caption: null };
  if (typeof value !== "string") return { ok: false, error: `"${column}" is ${typeName(value)}, not text` };
  return { ok: true, caption: value };
}

async function locate(written: string, location: RowLocation): Promise<Locator | string> {
  if (location.kind === "path") {
    const resolved = await resolveInsideRoot(location.root, written);
    return resolved.ok ? { kind: "file", path: resolved.path } : resolved.error;
  }
  let url: URL;
  try {
    url = new URL(written.trim());
  } catch {
    return `not a URL: ${shown(written)}`;
  }
  if (!URL_SCHEMES.includes(url.protocol))
    return `URL scheme "${url.protocol}" is not supported (${URL_SCHEMES.join(", ")}): ${shown(written)}`;
  return { kind: "url", url: url.href };
}

export async function rowToItem(row: ManifestRow, context: RowContext): Promise<SourceItem> {
  const id = itemId("manifest", context.manifest, row.label);
  if ("error" in row) return errorItem(id, row.label, row.error);
  const { column } = context.location;
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.values))
    if (key !== column && key !== context.captionColumn) metadata[key] = value;

  const caption = captionOf(row.values, context.captionColumn);
  if (!caption.ok) return errorItem(id, row.label, caption.error, null, metadata);
  const fail = (error: string) => errorItem(id, row.label, error, caption.caption, metadata);

  if (!Object.hasOwn(row.values, column)) return fail(`no "${column}" field`);
  const written = row.values[column];
  if (written === null || written === undefined || (typeof written === "string" && written.trim() === ""))
    return fail(`"${column}" is empty`);
  if (typeof written !== "string") return fail(`"${column}" is ${typeName(written)}, not text`);
  const located = await locate(written, context.location);
  if (typeof located === "string") return fail(located);
  return locatedItem(id, row.label, located, caption.caption, metadata);
}
