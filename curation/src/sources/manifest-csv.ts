/**
 * CSV manifests, parsed as a stream by csv-parse: the first record is the header, every later
 * record is a row ("row 1" is the first after the header), quoted fields may hold commas, quotes
 * and newlines, blank lines hold no row. A row with more or fewer fields than the header is an
 * error row. CSV cannot resynchronise after a broken quote, so a parse error ends the rows with
 * one error row saying that this row and the rest could not be read — nothing after it is
 * silently dropped. Records are taken from the parser as it produces them (`on_record`), so rows
 * parsed before an error in the same chunk are not lost with it.
 */
import fs from "node:fs";
import { parse, type Parser } from "csv-parse";
import { errorMessage, SourceError } from "./errors";
import type { ManifestReader, ManifestRow } from "./manifest-row";

function write(parser: Parser, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => parser.write(chunk, () => resolve()));
}

function end(parser: Parser): Promise<void> {
  return new Promise((resolve) => {
    parser.once("error", () => resolve());
    parser.end(() => resolve());
  });
}

/** Raw records of a CSV file, in order, ending with the parse or read error if there was one. */
async function* records(file: string): AsyncGenerator<{ record: string[] } | { error: unknown }> {
  const queue: string[][] = [];
  let failure: unknown = undefined;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: string[]) => {
      queue.push(record);
      return null;
    },
  });
  parser.on("error", (err) => (failure ??= err));
  parser.resume();
  const stream = fs.createReadStream(file);
  try {
    try {
      for await (const chunk of stream) {
        await write(parser, chunk as Buffer);
        while (queue.length) yield { record: queue.shift()! };
        if (failure !== undefined) break;
      }
      if (failure === undefined) await end(parser);
    } catch (err) {
      failure ??= err;
    }
    while (queue.length) yield { record: queue.shift()! };
    if (failure !== undefined) yield { error: failure };
  } finally {
    stream.destroy();
    parser.destroy();
  }
}

export function csvReader(file: string): ManifestReader {
  async function header(): Promise<string[] | null> {
    for await (const entry of records(file)) {
      if ("error" in entry)
        throw new SourceError(`manifest ${file} cannot be parsed: ${errorMessage(entry.error)}`);
      return entry.record;
    }
    return null;
  }

  async function* rows(): AsyncGenerator<ManifestRow> {
    let columns: string[] | null = null;
    let row = 0;
    for await (const entry of records(file)) {
      if ("error" in entry) {
        yield {
          label: `row ${row + 1}`,
          error: `the CSV cannot be parsed from here on, so this row and any after it were not read: ${errorMessage(entry.error)}`,
        };
        return;
      }
      if (columns === null) {
        columns = entry.record;
        continue;
      }
      const label = `row ${++row}`;
      if (entry.record.length !== columns.length) {
        const n = entry.record.length;
        yield { label, error: `has ${n} field${n === 1 ? "" : "s"} but the header has ${columns.length}` };
        continue;
      }
      const values: Record<string, unknown> = {};
      columns.forEach((name, i) => (values[name] = entry.record[i]));
      yield { label, values };
    }
  }

  return {
    rows,
    async columns() {
      const columns = await header();
      if (columns === null) throw new SourceError(`manifest ${file} has no header row`);
      const seen = new Set<string>();
      for (const name of columns) {
        if (seen.has(name)) throw new SourceError(`manifest ${file} names the column "${name}" twice`);
        seen.add(name);
      }
      return columns;
    },
    async countRows() {
      let n = 0;
      for await (const _ of rows()) n++;
      return n;
    },
  };
}
