/**
 * The JSON layouts, one file per split:
 *   - DPO / TRL preference JSON lines: {prompt, chosen, rejected} (Diffusion-DPO, TRL's
 *     DPOTrainer), with the models and the row id beside them; ties cannot be chosen and are left
 *     out.
 *   - HPDv2: the train split as pairs {prompt, file_path: [a, b], human_preference: [1, 0],
 *     user_hash}; validation and test as rankings {prompt, image_path[], rank[], raw_annotation[]}
 *     (HPDv2's test.json), raw_annotation holding each pairwise judgment behind the ranking.
 *   - ImageReward: per prompt {prompt, generations[], ranking[]}, ties allowed.
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { SPLITS } from "../export-config";
import { bySplit, labels, type ExportRow, type FormatWriter } from "./export-row";
import { rankImagesByPrompt } from "./rank-images";

async function writeSplits(
  dir: string,
  rows: readonly ExportRow[],
  ext: string,
  render: (rows: ExportRow[], split: (typeof SPLITS)[number]) => string,
): Promise<string[]> {
  const written: string[] = [];
  const splits = bySplit(rows);
  for (const split of SPLITS) {
    const part = splits.get(split);
    if (!part?.length) continue;
    const file = `${split}.${ext}`;
    await fsp.writeFile(path.join(dir, file), render(part, split));
    written.push(file);
  }
  return written;
}

export const writeDpo: FormatWriter = (rows, { dir }) =>
  writeSplits(dir, rows, "jsonl", (part) =>
    part
      .filter((r) => r.preference !== "tie")
      .map((r) => {
        const aWins = r.preference === "a";
        return `${JSON.stringify({
          id: r.id,
          prompt: r.prompt,
          chosen: aWins ? r.imageA : r.imageB,
          rejected: aWins ? r.imageB : r.imageA,
          chosen_model: aWins ? r.modelA : r.modelB,
          rejected_model: aWins ? r.modelB : r.modelA,
        })}\n`;
      })
      .join(""),
  );

export const writeHpdv2: FormatWriter = (rows, { dir }) =>
  writeSplits(dir, rows, "json", (part, split) => {
    if (split === "train") {
      return JSON.stringify(
        part.map((r) => ({
          prompt: r.prompt,
          file_path: [r.imageA, r.imageB],
          human_preference: labels(r),
          user_hash: r.raters.join(","),
        })),
      );
    }
    return JSON.stringify(
      rankImagesByPrompt(part).map((p) => ({
        prompt: p.prompt,
        image_path: p.images,
        rank: p.ranks,
        raw_annotation: p.rows.map((r) => ({
          image_path: [r.imageA, r.imageB],
          human_preference: labels(r),
          user_hash: r.raters.join(","),
        })),
      })),
    );
  });

export const writeImageReward: FormatWriter = (rows, { dir }) =>
  writeSplits(dir, rows, "json", (part) =>
    JSON.stringify(
      rankImagesByPrompt(part).map((p) => ({
        id: p.promptId,
        prompt: p.prompt,
        generations: p.images,
        models: p.models,
        ranking: p.ranks,
      })),
    ),
  );
