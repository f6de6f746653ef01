/**
 * A small corpus with one of everything a curation run meets — sharp photos, copies of them,
 * a blurred one, a dark one, a letterboxed one, a too-small one, an empty file, a truncated file, a decompression
 * bomb — and the decision each must get under `testPipeline`. Shared by the unit tests, the
 * integration tests and the CLI test, so all of them check the same expectations.
 */
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { PipelineDefinitionInput } from "../pipeline-definition";
import { noise, pngHeaderOnly, scene, solid } from "./images";

export type ExpectedDecision = {
  status: "kept" | "dropped" | "error";
  /** The first failing stage ("dedup" for near-duplicates); null when kept. */
  stage: string | null;
};

const kept: ExpectedDecision = { status: "kept", stage: null };
const dropped = (stage: string): ExpectedDecision => ({ status: "dropped", stage });
const error = (stage: string): ExpectedDecision => ({ status: "error", stage });

/** Writes the corpus under `root`; returns each file's expected decision, by file name. */
export async function writeTestCorpus(root: string): Promise<Record<string, ExpectedDecision>> {
  await fs.mkdir(root, { recursive: true });
  const files: Record<string, [Buffer, ExpectedDecision]> = {};
  for (let i = 0; i < 6; i++) files[`a-${String(i).padStart(2, "0")}.png`] = [await scene(i + 1), kept];
  // The same pixels in other bytes, and a JPEG of another: near-duplicates of a-01 and a-02.
  files["b-copy-of-a-01.png"] = [
    await sharp(await scene(2))
      .png({ compressionLevel: 1 })
      .toBuffer(),
    dropped("dedup"),
  ];
  files["b-jpeg-of-a-02.jpg"] = [
    await sharp(await scene(3))
      .jpeg({ quality: 92 })
      .toBuffer(),
    dropped("dedup"),
  ];
  files["c-blurred.png"] = [
    await sharp(await scene(10))
      .blur(6)
      .png()
      .toBuffer(),
    dropped("blur"),
  ];
  files["c-dark.png"] = [await solid(128, 128, 3), dropped("exposure")];
  // Letterboxed: black bars above and below a sharp scene.
  files["c-letterboxed.png"] = [
    await sharp(await scene(11))
      .extend({ top: 48, bottom: 48, background: { r: 0, g: 0, b: 0 } })
      .png()
      .toBuffer(),
    dropped("border"),
  ];
  files["c-small.png"] = [await noise(40, 300), dropped("resolution")];
  files["d-empty.png"] = [Buffer.alloc(0), error("resolution")];
  files["d-truncated.png"] = [(await scene(12)).subarray(0, 300), error("decode")];
  files["d-bomb.png"] = [pngHeaderOnly(20_000, 6_000), error("resolution")];
  await fs.writeFile(path.join(root, "notes.txt"), "not media: the folder source skips it\n");
  const expected: Record<string, ExpectedDecision> = {};
  for (const [name, [bytes, decision]] of Object.entries(files)) {
    await fs.writeFile(path.join(root, name), bytes);
    expected[name] = decision;
  }
  return expected;
}

/** The pipeline the expectations above hold for. Exposure and borders come before blur: a flat dark image is blurry too. */
export function testPipeline(root: string, name = "test corpus"): PipelineDefinitionInput {
  return {
    name,
    source: { kind: "folder", root },
    stages: [
      { stage: "resolution", minShortSide: 64 },
      { stage: "decode" },
      { stage: "exposure" },
      { stage: "border" },
      { stage: "blur", minSharpness: 100 },
      { stage: "phash" },
    ],
    dedup: { hash: "phash", maxDistance: 8 },
  };
}
