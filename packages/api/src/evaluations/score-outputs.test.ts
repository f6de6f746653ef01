import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Db } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import { StorageReadError } from "./read-asset";
import { scoreOutputs, type ChunkOutput } from "./score-outputs";

/** Storage whose every read fails with `code` (ENOENT: not stored; EIO: a fault that may pass). */
const failingStorage = (code: string): MediaStorage =>
  ({
    createReadStream: () =>
      new Readable({
        read() {
          this.destroy(Object.assign(new Error(`${code}: simulated`), { code }));
        },
      }),
  }) as unknown as MediaStorage;

const output: ChunkOutput = {
  id: "o1",
  promptId: "p1",
  asset: { id: "a1", sha256: "a".repeat(64), kind: "image" },
  prompt: {
    text: "x",
    references: [{ role: "target", position: 0, asset: { id: "a2", sha256: "b".repeat(64) } }],
  },
};
const psnr = { metric: "psnr" as const, key: "psnr" };
// PSNR reads only media: it never touches the database.
const db = {} as unknown as Db;

describe("scoreOutputs and storage faults", () => {
  it("records a file that is not stored as the output's reason", async () => {
    const scores = await scoreOutputs(db, failingStorage("ENOENT"), psnr, [output]);
    expect(scores.get("o1")).toEqual({ error: "the stored file is missing" });
  });

  it("lets a storage fault through, so the chunk fails and is retried instead of losing the output", async () => {
    await expect(scoreOutputs(db, failingStorage("EIO"), psnr, [output])).rejects.toBeInstanceOf(
      StorageReadError,
    );
  });
});
