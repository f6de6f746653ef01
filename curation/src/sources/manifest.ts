/**
 * A manifest source: a JSONL, CSV or Parquet file listing one item per row. Everything that would
 * make the whole manifest unusable is checked when it is opened, before any item is yielded: the
 * file exists and is not empty, its format is known, it has the named path/URL and caption
 * columns (the message names the missing column and lists those present), and the root that
 * relative paths resolve against is a folder. Problems with single rows become error items.
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { errorCode, errorMessage, SourceError } from "./errors";
import type { SourceItem } from "./item";
import { itemSource, type ItemSource } from "./item-source";
import { csvReader } from "./manifest-csv";
import { jsonlReader } from "./manifest-jsonl";
import { parquetReader } from "./manifest-parquet";
import { rowToItem, type ManifestReader, type RowContext, type RowLocation } from "./manifest-row";
import type { ManifestFormat, ManifestSourceConfig } from "./source-config";
import { openSourceRoot } from "./source-root";

const FORMAT_BY_EXTENSION: Record<string, ManifestFormat> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".jsonlines": "jsonl",
  ".csv": "csv",
  ".parquet": "parquet",
  ".pq": "parquet",
};

const MAX_LISTED_COLUMNS = 40;

/** The manifest's format, from the config or else its file name. */
export function manifestFormat(file: string, format?: ManifestFormat): ManifestFormat {
  if (format) return format;
  const extension = path.extname(file).toLowerCase();
  const known = FORMAT_BY_EXTENSION[extension];
  if (known) return known;
  throw new SourceError(
    `cannot tell the format of manifest ${file} from its extension "${extension}": set format to jsonl, csv or parquet`,
  );
}

function listColumns(columns: string[]): string {
  if (columns.length === 0) return "none";
  const listed = columns.slice(0, MAX_LISTED_COLUMNS).map((c) => JSON.stringify(c));
  const more = columns.length - listed.length;
  return listed.join(", ") + (more > 0 ? `, … and ${more} more` : "");
}

async function openReader(file: string, format: ManifestFormat): Promise<ManifestReader> {
  switch (format) {
    case "jsonl":
      return jsonlReader(file);
    case "csv":
      return csvReader(file);
    case "parquet":
      return parquetReader(file);
  }
}

export async function openManifestSource(config: ManifestSourceConfig): Promise<ItemSource> {
  const file = path.resolve(config.path);
  let size: number;
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) throw new SourceError(`manifest ${file} is not a file`);
    size = stat.size;
  } catch (err) {
    if (err instanceof SourceError) throw err;
    if (errorCode(err) === "ENOENT") throw new SourceError(`manifest ${file} does not exist`);
    throw new SourceError(`manifest ${file} cannot be opened: ${errorMessage(err)}`);
  }
  if (size === 0) throw new SourceError(`manifest ${file} is empty (0 bytes)`);

  const format = manifestFormat(file, config.format);
  const reader = await openReader(file, format);
  const columns = await reader.columns();
  const column = (config.pathColumn ?? config.urlColumn)!;
  const required = config.captionColumn ? [column, config.captionColumn] : [column];
  for (const name of required)
    if (columns !== null && !columns.includes(name))
      throw new SourceError(
        `manifest ${file} has no column "${name}" (its columns: ${listColumns(columns)})`,
      );

  const location: RowLocation = config.pathColumn
    ? {
        kind: "path",
        column,
        root: await openSourceRoot(config.root ?? path.dirname(file), "manifest root"),
      }
    : { kind: "url", column };
  const context: RowContext = {
    manifest: path.basename(file),
    location,
    captionColumn: config.captionColumn,
  };

  async function* items(): AsyncGenerator<SourceItem> {
    for await (const row of reader.rows()) yield await rowToItem(row, context);
  }
  return itemSource("manifest", items, () => reader.countRows());
}
