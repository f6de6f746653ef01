/**
 * JSONL manifests, read line by line as a stream: one JSON object per line, blank lines ignored
 * (they hold no row). A line that is not JSON, not an object, or longer than the line limit is an
 * error row labelled with its line number; the lines after it are read as usual. A read failure
 * part-way (an I/O error) ends the rows with one error row saying the rest could not be read.
 */
import fs from "node:fs";
import { errorMessage } from "./errors";
import { readLines, MAX_LINE_BYTES, type Line } from "./lines";
import type { ManifestReader, ManifestRow } from "./manifest-row";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineToRow(line: Line): ManifestRow | null {
  const label = `line ${line.number}`;
  if ("tooLong" in line)
    return { label, error: `line is ${line.tooLong} bytes long, more than the limit of ${MAX_LINE_BYTES}` };
  if (line.text.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (err) {
    return { label, error: `not valid JSON: ${errorMessage(err)}` };
  }
  if (!isObject(value)) return { label, error: "not a JSON object" };
  return { label, values: value };
}

export function jsonlReader(file: string): ManifestReader {
  async function* rows(): AsyncGenerator<ManifestRow> {
    const stream = fs.createReadStream(file);
    let next = 1;
    try {
      for await (const line of readLines(stream)) {
        next = line.number + 1;
        const row = lineToRow(line);
        if (row) yield row;
      }
    } catch (err) {
      yield {
        label: `line ${next}`,
        error: `the manifest could not be read from this line on: ${errorMessage(err)}`,
      };
    } finally {
      stream.destroy();
    }
  }
  return {
    rows,
    async columns() {
      for await (const row of rows()) if ("values" in row) return Object.keys(row.values);
      return null;
    },
    async countRows() {
      let n = 0;
      for await (const _ of rows()) n++;
      return n;
    },
  };
}
