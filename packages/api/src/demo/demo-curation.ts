/**
 * The demo's curation run: a small corpus written next to the demo data (the demo models' images,
 * plus what a crawled corpus holds — re-encoded copies, thumbnails too small to train on,
 * underexposed shots, slides of text, a truncated download, an empty file) and a run over it that
 * the first worker finishes within seconds of `loupe start`. Its funnel shows each stage at work:
 * the soft model's blurry images fail the sharpness test, the copies are near-duplicates, and so on.
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { Db } from "@loupe/db";
import type { PipelineDefinitionInput } from "@loupe/curation";
import { createCurationRun } from "../curation/create-run";

export const DEMO_CURATION_NAME = "Demo corpus (generated images and their usual defects)";

export type DemoImage = { name: string; bytes: Buffer };

/** A slide: four lines of large text filling the frame (what a crawl of presentations yields). */
const slide = (lines: readonly string[]) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="384"><rect width="512" height="384" fill="#fff"/>` +
        lines
          .map(
            (line, i) =>
              `<text x="12" y="${78 + 95 * i}" font-family="DejaVu Sans" font-size="80" font-weight="bold">${line}</text>`,
          )
          .join("") +
        `</svg>`,
    ),
  )
    .png()
    .toBuffer();

/** Writes the corpus: the demo images as they are, then the defective ones derived from them. */
export async function writeDemoCorpus(dir: string, images: readonly DemoImage[]): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const write = (name: string, bytes: Buffer) => fs.writeFile(path.join(dir, name), bytes);
  for (const image of images) await write(`${image.name}.png`, image.bytes);
  const some = images.filter((_, i) => i % 9 === 0).slice(0, 6);
  for (const [i, image] of some.entries()) {
    await write(`copy-${i}-of-${image.name}.jpg`, await sharp(image.bytes).jpeg({ quality: 85 }).toBuffer());
    if (i < 3) await write(`thumb-${i}.png`, await sharp(image.bytes).resize(96, 96).png().toBuffer());
    if (i < 3) await write(`dark-${i}.png`, await sharp(image.bytes).linear(0.08, 0).png().toBuffer());
  }
  await write("slide-0.png", await slide(["Quarterly", "results", "for 2026", "are in"]));
  await write("slide-1.png", await slide(["Click here", "to read", "the whole", "story now"]));
  await write("download-truncated.png", images[0]!.bytes.subarray(0, 2000));
  await write("download-empty.png", Buffer.alloc(0));
}

export function demoCurationPipeline(dir: string): PipelineDefinitionInput {
  return {
    name: DEMO_CURATION_NAME,
    source: { kind: "folder", root: dir },
    stages: [
      { stage: "metadata" },
      { stage: "resolution", minShortSide: 256 },
      { stage: "decode" },
      // The demo's flat, cartoon-like scenes have large uniform areas: clipping is allowed.
      { stage: "exposure", minMeanLuma: 0.1, maxMeanLuma: 0.97, maxClippedShare: 0.95 },
      { stage: "blur", minSharpness: 10 },
      { stage: "phash" },
      // Some of the demo's cartoon glyphs look like text to the detector: a lenient threshold.
      { stage: "ocr", maxTextArea: 0.4 },
    ],
    dedup: { hash: "phash", maxDistance: 6 },
  };
}

/** Writes the corpus under `dir` and queues the run over it in the demo project. */
export async function startDemoCuration(
  db: Db,
  projectId: string,
  dir: string,
  images: readonly DemoImage[],
) {
  await writeDemoCorpus(dir, images);
  return createCurationRun(db, projectId, demoCurationPipeline(dir), { roots: null });
}
