/**
 * The dataset card (README.md) every export carries, in the Hugging Face dataset-card spirit:
 * where the data came from, what is in it, how it was filtered, and how to load it. It holds no
 * creation time or version (manifest.json has both), so the same export config on the same judgments
 * gives the same card.
 */
import type { ExportManifest } from "./manifest";

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`);

const LOADING: Record<ExportManifest["format"], string> = {
  "pick-a-pic":
    'import pandas as pd\ntrain = pd.read_parquet("train.parquet")  # caption, jpg_0, jpg_1, label_0, label_1, ...',
  hpdv2:
    'import json\ntrain = json.load(open("train.json"))  # [{prompt, file_path, human_preference, user_hash}]\ntest = json.load(open("test.json"))  # [{prompt, image_path, rank, raw_annotation}]',
  imagereward: 'import json\ntrain = json.load(open("train.json"))  # [{prompt, generations, ranking}]',
  "reward-difference":
    'from datasets import load_dataset\nds = load_dataset("json", data_files={"train": "train.jsonl"})  # prompt, image_0, image_1, reward_0, reward_1, reward_difference',
  dpo: 'from datasets import load_dataset\nds = load_dataset("json", data_files={"train": "train.jsonl", "test": "test.jsonl"})  # prompt, chosen, rejected',
};

const WEBDATASET =
  'import webdataset as wds\nds = wds.WebDataset("train/train-{000000..000009}.tar").decode("pil").to_tuple("0.png", "1.png", "json")';

export function datasetCard(m: ExportManifest): string {
  const c = m.config;
  const splitRows = Object.entries(m.counts.splits).map(
    ([split, s]) =>
      `| ${split} | ${s.rows} | ${s.prompts} | ${s.a} (${pct(s.a, s.rows)}) | ${s.b} (${pct(s.b, s.rows)}) | ${s.tie} (${pct(s.tie, s.rows)}) |`,
  );
  return `# ${m.name}

Human preferences between pairs of generated images, exported by Loupe in the **${m.format}** layout.

## Sources

${m.sources.map((s) => `- ${s.name} (${s.studyId}): ${s.judgments} judgments, study ${s.status}`).join("\n")}

Question: "${m.axis.label}" (\`${m.axis.id}\`).${
    m.complete
      ? ""
      : "\n\n**Snapshot of a study still running**: this export holds the judgments that existed when it was made."
  }

## Contents

${m.counts.rows} rows (${c.aggregation === "every" ? "one per judgment" : "one per item, its raters' majority"}).

| split | rows | prompts | first image preferred | second image preferred | tie |
| --- | --- | --- | --- | --- | --- |
${splitRows.join("\n")}

Splits are by prompt (no prompt in two splits), seeded with ${c.seed}: ${c.split.train} / ${c.split.validation} / ${c.split.test}.

## Filtering

- Flagged raters: ${c.excludeFlaggedRaters ? `excluded (${m.excluded.flaggedRater} judgments)` : "kept"}.
- Gold items: ${c.excludeGold ? `excluded (${m.excluded.gold} judgments)` : "kept"}.
- Items whose raters agree less than ${c.minAgreement}: ${m.excluded.lowAgreement} rows left out.
- Ties and "both bad": ${c.ties === "half" ? "kept as 0.5 / 0.5" : `dropped (${m.excluded.tie} rows)`}${m.format === "dpo" ? "; the DPO layout has no ties, so they are not in it" : ""}.
- Missing media: ${m.skippedMissingMedia.length ? `${m.skippedMissingMedia.length} outputs skipped` : "none"}.${
    c.reward
      ? `\n- Rewards: "${c.reward.metric}" from evaluation run ${c.reward.runId}; ${m.excluded.unscored} rows whose outputs have no value there left out.`
      : ""
  }

## Agreement

${m.agreement.itemsWithTwoOrMore} of ${m.agreement.items} items were judged by two or more raters; on those, the most common answer was given by ${m.agreement.meanAgreement === null ? "–" : `${(100 * m.agreement.meanAgreement).toFixed(1)}%`} of raters on average. Krippendorff's α (nominal; first image, second image, tie) over the exported items' judgments: ${m.agreement.krippendorffAlpha === null ? `undefined (${m.agreement.alphaUndefinedReason === "no-variation" ? "every answer the same" : "no item judged twice"})` : m.agreement.krippendorffAlpha.toFixed(3)}.

## Privacy and naming

Rater ids are pseudonymized with a salt kept by Loupe and not in this export. Model names are ${c.hideModelNames ? "hidden (model-1, model-2, ... in name order)" : "kept"}.

## License

${c.license || "Not stated."}

## Loading

\`\`\`python
${c.images === "webdataset" ? WEBDATASET : LOADING[m.format]}
\`\`\`

Every file's sha256 is in \`manifest.json\`.
`;
}
