/**
 * The JSON layouts, one file per split, written as rows stream in:
 *   - DPO / TRL preference JSON lines: {prompt, chosen, rejected} (Diffusion-DPO, TRL's
 *     DPOTrainer), with the models and the row id beside them; ties cannot be chosen and are left
 *     out.
 *   - HPDv2: the train split as pairs {prompt, file_path: [a, b], human_preference: [1, 0],
 *     user_hash}; validation and test as rankings {prompt, image_path[], rank[], raw_annotation[]}
 *     (HPDv2's test.json), raw_annotation holding each pairwise judgment behind the ranking.
 *   - ImageReward: per prompt {prompt, generations[], ranking[]}, ties allowed.
 */
import { bySplit, labels, type FormatWriter } from "./export-row";
import { rankImagesByPrompt } from "./rank-images";
import { JsonArrayFile, SplitFiles, TextFile } from "./split-files";

export const writeDpo: FormatWriter = ({ dir }) => {
  const files = new SplitFiles(
    dir,
    (split) => `${split}.jsonl`,
    (file) => new TextFile(file),
  );
  return {
    async add(rows) {
      for (const r of rows) {
        const file = files.of(r.split);
        if (r.preference === "tie") continue;
        const aWins = r.preference === "a";
        await file.write(
          `${JSON.stringify({
            id: r.id,
            prompt: r.prompt,
            chosen: aWins ? r.imageA : r.imageB,
            rejected: aWins ? r.imageB : r.imageA,
            chosen_model: aWins ? r.modelA : r.modelB,
            rejected_model: aWins ? r.modelB : r.modelA,
          })}\n`,
        );
      }
    },
    finish: () => files.close(),
  };
};

export const writeHpdv2: FormatWriter = ({ dir }) => {
  const files = new SplitFiles(
    dir,
    (split) => `${split}.json`,
    (file) => new JsonArrayFile(file),
  );
  return {
    async add(rows) {
      for (const [split, part] of bySplit(rows)) {
        const file = files.of(split);
        if (split === "train") {
          for (const r of part)
            await file.push({
              prompt: r.prompt,
              file_path: [r.imageA, r.imageB],
              human_preference: labels(r),
              user_hash: r.raters.join(","),
            });
          continue;
        }
        for (const p of rankImagesByPrompt(part))
          await file.push({
            prompt: p.prompt,
            image_path: p.images,
            rank: p.ranks,
            raw_annotation: p.rows.map((r) => ({
              image_path: [r.imageA, r.imageB],
              human_preference: labels(r),
              user_hash: r.raters.join(","),
            })),
          });
      }
    },
    finish: () => files.close(),
  };
};

export const writeImageReward: FormatWriter = ({ dir }) => {
  const files = new SplitFiles(
    dir,
    (split) => `${split}.json`,
    (file) => new JsonArrayFile(file),
  );
  return {
    async add(rows) {
      for (const [split, part] of bySplit(rows))
        for (const p of rankImagesByPrompt(part))
          await files.of(split).push({
            id: p.promptId,
            prompt: p.prompt,
            generations: p.images,
            models: p.models,
            ranking: p.ranks,
          });
    },
    finish: () => files.close(),
  };
};
