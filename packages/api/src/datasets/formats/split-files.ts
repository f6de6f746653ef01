/**
 * One open file per split, created when the split's first row arrives, so a split without rows
 * has no file; `close` ends them in split order (train, validation, test) and lists their paths.
 * Text files respect the stream's backpressure, so a writer holds a buffer's worth, not a split.
 */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { SPLITS, type Split } from "../export-config";

export class SplitFiles<F extends { close(): Promise<void> }> {
  private readonly open = new Map<Split, F>();

  constructor(
    private readonly dir: string,
    private readonly fileName: (split: Split) => string,
    private readonly create: (file: string) => F,
  ) {}

  of(split: Split): F {
    let file = this.open.get(split);
    if (!file) {
      file = this.create(path.join(this.dir, this.fileName(split)));
      this.open.set(split, file);
    }
    return file;
  }

  async close(): Promise<string[]> {
    const written: string[] = [];
    for (const split of SPLITS) {
      const file = this.open.get(split);
      if (!file) continue;
      await file.close();
      written.push(this.fileName(split));
    }
    return written;
  }
}

/** A text file written piece by piece, waiting when the stream's buffer is full. */
export class TextFile {
  private readonly stream: fs.WriteStream;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.stream = fs.createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.on("error", reject);
      this.stream.end(resolve);
    });
  }
}

/**
 * A JSON array written an element at a time; the bytes are JSON.stringify(array)'s
 * (`[{…},{…}]`), so a streamed file is the same as one written whole.
 */
export class JsonArrayFile {
  private readonly text: TextFile;
  private count = 0;

  constructor(file: string) {
    this.text = new TextFile(file);
  }

  push(value: unknown): Promise<void> {
    return this.text.write(`${this.count++ === 0 ? "[" : ","}${JSON.stringify(value)}`);
  }

  async close(): Promise<void> {
    await this.text.write(this.count === 0 ? "[]" : "]");
    await this.text.close();
  }
}
