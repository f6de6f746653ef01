/**
 * Reward-difference pairs for PRDP (Deng et al. 2024, "PRDP: Proximal Reward Difference
 * Prediction"): the diffusion model learns to predict, from the two images' denoising
 * trajectories, the difference of their rewards. One JSON line per pair and split:
 * {id, prompt, image_0, image_1, model_0, model_1, reward_0, reward_1, reward_difference,
 * human_preference}, the rewards from the evaluation run chosen in the export's config and
 * reward_difference = reward_0 − reward_1; the raters' label is kept beside it (1/0, 0/1, 0.5/0.5).
 */
import { labels, type FormatWriter } from "./export-row";
import { SplitFiles, TextFile } from "./split-files";

export const writeRewardDifference: FormatWriter = ({ dir }) => {
  const files = new SplitFiles(
    dir,
    (split) => `${split}.jsonl`,
    (file) => new TextFile(file),
  );
  return {
    async add(rows) {
      for (const r of rows) {
        if (r.rewardA === undefined || r.rewardB === undefined)
          throw new Error(`row ${r.id} has no reward; the export leaves such rows out before writing`);
        await files.of(r.split).write(
          `${JSON.stringify({
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
          })}\n`,
        );
      }
    },
    finish: () => files.close(),
  };
};
