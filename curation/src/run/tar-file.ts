/**
 * A tar file being filled entry by entry, straight to disk (tar-stream), with a fixed time on
 * every entry so the same entries give byte-identical files — for WebDataset shards.
 */
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import tar from "tar-stream";

const EPOCH = new Date(0);

export class TarFileWriter {
  private readonly pack = tar.pack();
  private readonly done: Promise<void>;

  constructor(file: string) {
    this.done = pipeline(this.pack, fs.createWriteStream(file));
  }

  async add(name: string, bytes: Buffer): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.pack.entry({ name, size: bytes.length, mtime: EPOCH }, bytes, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
  }

  close(): Promise<void> {
    this.pack.finalize();
    return this.done;
  }
}
