/**
 * A tar file being filled entry by entry, straight to disk (tar-stream), with a fixed time on
 * every entry so the same entries give byte-identical files — for WebDataset shards — and a run of
 * such files cut every so many samples (the kept set's shards, the clips, a dataset's splits).
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
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

export type TarShardFile = { file: string; fileName: string; samples: number };

/**
 * Samples (each a few files sharing a WebDataset key) written into numbered tar shards of at most
 * `samplesPerShard` samples each; `fileNameOf(n)` names shard n, relative to `dir`.
 */
export class ShardedTarWriter {
  private shard: TarFileWriter | null = null;
  private inShard = 0;
  readonly shards: TarShardFile[] = [];

  constructor(
    private readonly dir: string,
    private readonly samplesPerShard: number,
    private readonly fileNameOf: (shard: number) => string,
  ) {}

  async addSample(files: readonly (readonly [name: string, bytes: Buffer])[]): Promise<void> {
    if (!this.shard || this.inShard === this.samplesPerShard) {
      await this.shard?.close();
      const fileName = this.fileNameOf(this.shards.length);
      const file = path.join(this.dir, fileName);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      this.shards.push({ file, fileName, samples: 0 });
      this.shard = new TarFileWriter(file);
      this.inShard = 0;
    }
    for (const [name, bytes] of files) await this.shard.add(name, bytes);
    this.inShard++;
    this.shards.at(-1)!.samples++;
  }

  async close(): Promise<TarShardFile[]> {
    await this.shard?.close();
    this.shard = null;
    return this.shards;
  }
}
