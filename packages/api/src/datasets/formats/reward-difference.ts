/**
 * Reward-difference pairs for PRDP (Deng et al. 2024, "PRDP: Proximal Reward Difference
 * Prediction"): the diffusion model learns to predict, from the two images' denoising
 * trajectories, the difference of their rewards. One JSON line per pair and split:
 * {id, prompt, image_0, image_1, model_0, model_1, reward_0, reward_1, reward_difference,
 * human_preference}, the rewards from the evaluation run chosen in the export's config and
 * reward_difference = reward_0 − reward_1; the raters' label is kept beside it (1/0, 0/1, 0.5/0.5).
 */
import fsp from "node:fs/promises";
import path from "node:path";
import { SPLITS } from "../export-config";
import { bySplit, labels, type FormatWriter } from "./export-row";

export const writeRewardDifference: FormatWriter = async (rows, { dir }) => {
  const written: string[] = [];
  const splits = bySplit(rows);
  for (const split of SPLITS) {
    const part = splits.get(split);
    if (!part?.length) continue;
    const file = `${split}.jsonl`;
    const lines = part.map((r) => {
      if (r.rewardA === undefined || r.rewardB === undefined)
        throw new Error(`row ${r.id} has no reward; the export leaves such rows out before writing`);
      return `${JSON.stringify({
        id: r.id,
        prompt: r.prompt,
        image_0: r.imageA,
        image_1: r.imageB,
        model_0: r.modelA,
        model_1: r.modelB,
        reward_0: r.rewardA,
        reward_1: r.rewardB,
        reward_difference: r.rewardA - r.rewardB,
        human_preference: labels(r),
      })}\n`;
    });
    await fsp.writeFile(path.join(dir, file), lines.join(""));
    written.push(file);
  }
  return written;
};
