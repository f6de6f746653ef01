/**
 * Parquet manifests, read one row group at a time (hyparquet), so memory holds one row group, not
 * the file. The columns are the schema's top-level fields, known from the footer before any row.
 * A footer that cannot be read is a run-level error; a row group that cannot be decoded gives an
 * error row for each of its rows (the footer says how many), so no row disappears without a word.
 * Values are made JSON-safe (64-bit integers, dates, binary) before they become metadata.
 */
import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type FileMetaData,
} from "hyparquet";
import { errorMessage, SourceError } from "./errors";
import { toJsonValue } from "./json-value";
import type { ManifestReader, ManifestRow } from "./manifest-row";

export async function parquetReader(file: string): Promise<ManifestReader> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  } catch (err) {
    throw new SourceError(`manifest ${file} is not a readable Parquet file: ${errorMessage(err)}`);
  }
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);

  async function* rows(): AsyncGenerator<ManifestRow> {
    const buffer = await asyncBufferFromFile(file);
    let rowStart = 0;
    for (const [group, rowGroup] of metadata.row_groups.entries()) {
      const rowEnd = rowStart + Number(rowGroup.num_rows);
      let read: Record<string, unknown>[] = [];
      let failure: string | null = null;
      try {
        read = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd });
      } catch (err) {
        failure = `row group ${group + 1} cannot be read: ${errorMessage(err)}`;
      }
      for (let i = 0; i < rowEnd - rowStart; i++) {
        const label = `row ${rowStart + i + 1}`;
        const values = read[i];
        if (values === undefined) {
          yield { label, error: failure ?? `row group ${group + 1} has fewer rows than its footer says` };
          continue;
        }
        const safe: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(values)) safe[key] = toJsonValue(value);
        yield { label, values: safe };
      }
      rowStart = rowEnd;
    }
  }

  return {
    rows,
    columns: async () => columns,
    // The rows `rows()` yields: the row groups' counts (the file's total should be their sum).
    countRows: async () => metadata.row_groups.reduce((n, group) => n + Number(group.num_rows), 0),
  };
}
