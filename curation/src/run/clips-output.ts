/**
 * Training clips cut from the kept videos, as Movie Gen makes them (§3.1.1: single-shot clips of
 * 4–16 s): each video's shots, as its scenes stage recorded them, cut into clips of at most
 * `maxSeconds` (pieces shorter than `minSeconds` left out), re-encoded to H.264 MP4 so every clip
 * starts on a keyframe exactly where its shot starts, and written as WebDataset shards
 * `clips-00000.tar`, …: `<item id>_<n>.mp4`, `.txt` (the caption) and `.json` (the item, the clip's
 * start and end in the source, the video's scores).
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { parseShots } from "../stages/scenes";
import { encodeMp4 } from "../video/encode-mp4";
import { clipsOf, type Interval } from "../video/scene-cuts";
import type { CurationDecision } from "./decide-shard";
import { ShardedTarWriter, type TarShardFile } from "./tar-file";

export type ClipOptions = { minSeconds: number; maxSeconds: number; samplesPerShard: number };

/** The clips a kept video gives under these options, from its recorded shots. */
export function clipsOfDecision(d: Pick<CurationDecision, "labels">, opts: ClipOptions): Interval[] {
  return clipsOf(parseShots(d.labels["scenes.shots"]), opts);
}

export class ClipsOutput {
  private readonly tar: ShardedTarWriter;
  clips = 0;
  seconds = 0;

  constructor(
    private readonly dir: string,
    private readonly opts: ClipOptions,
    /** The video: a local path, or its bytes. */
    private readonly inputOf: (d: CurationDecision) => Promise<string | Buffer>,
  ) {
    this.tar = new ShardedTarWriter(
      dir,
      opts.samplesPerShard,
      (n) => `clips-${String(n).padStart(5, "0")}.tar`,
    );
  }

  get shards(): readonly TarShardFile[] {
    return this.tar.shards;
  }

  async push(d: CurationDecision): Promise<void> {
    const clips = clipsOfDecision(d, this.opts);
    if (clips.length === 0) return;
    const input = await this.inputOf(d);
    const work = await fsp.mkdtemp(path.join(this.dir, "clip-"));
    try {
      let file: string;
      if (typeof input === "string") file = input;
      else {
        file = path.join(work, "source");
        await fsp.writeFile(file, input);
      }
      for (const [n, clip] of clips.entries()) {
        const out = path.join(work, `clip-${n}.mp4`);
        await encodeMp4(file, clip, out);
        await this.add(d, n, clip, await fsp.readFile(out));
        await fsp.rm(out);
      }
    } finally {
      await fsp.rm(work, { recursive: true, force: true });
    }
  }

  private async add(d: CurationDecision, n: number, clip: Interval, bytes: Buffer): Promise<void> {
    const key = `${d.itemId}_${String(n).padStart(3, "0")}`;
    const json = {
      item_id: d.itemId,
      source: d.source,
      clip: n,
      start_seconds: Number(clip.start.toFixed(3)),
      end_seconds: Number(clip.end.toFixed(3)),
      metadata: d.metadata,
      scores: d.scores,
    };
    await this.tar.addSample([
      [`${key}.mp4`, bytes],
      ...(d.caption !== null ? [[`${key}.txt`, Buffer.from(d.caption)] as const] : []),
      [`${key}.json`, Buffer.from(JSON.stringify(json))],
    ]);
    this.clips++;
    this.seconds += clip.end - clip.start;
  }

  close(): Promise<TarShardFile[]> {
    return this.tar.close();
  }
}
