/**
 * Lines of a byte stream, numbered from 1, for JSONL manifests. Bytes are split on "\n" before
 * decoding (UTF-8 never has that byte inside a character), a trailing "\r" and a leading BOM are
 * dropped, and a line longer than the limit is reported by its length instead of being held in
 * memory, so one corrupt, endless line cannot exhaust the worker.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export type Line = { number: number; text: string } | { number: number; tooLong: number };

export async function* readLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let number = 0;
  const finish = (): Line => {
    number++;
    const line: Line =
      length > maxLineBytes
        ? { number, tooLong: length }
        : { number, text: decode(Buffer.concat(parts), number) };
    parts = [];
    length = 0;
    return line;
  };
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      take(bytes.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    take(bytes.subarray(start));
  }
  if (length > 0) yield finish();

  function take(piece: Buffer) {
    if (length + piece.length <= maxLineBytes) parts.push(piece);
    else parts = [];
    length += piece.length;
  }
}

function decode(bytes: Buffer, number: number): string {
  let text = bytes.toString("utf8");
  if (text.endsWith("\r")) text = text.slice(0, -1);
  if (number === 1 && text.startsWith("\uFEFF")) text = text.slice(1);
  return text;
}
