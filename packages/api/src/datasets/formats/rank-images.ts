/**
 * A ranking of a prompt's images from its pairwise rows, for the ranking layouts (HPDv2's test set,
 * ImageReward): each image scores wins − losses over the rows it appears in (Copeland's method; a
 * tie scores 0), and images are ranked by score with competition ranking — equal scores share a
 * rank and the next rank skips ("1, 2, 2, 4"). Rank 1 is the best.
 */
import type { ExportRow } from "./export-row";

export interface RankedImages {
  prompt: string;
  promptId: string;
  /** Image paths in a fixed order (first appearance in the rows). */
  images: string[];
  models: string[];
  ranks: number[];
  rows: ExportRow[];
}

export function rankImagesByPrompt(rows: readonly ExportRow[]): RankedImages[] {
  const byPrompt = new Map<string, ExportRow[]>();
  for (const row of rows) byPrompt.set(row.promptId, [...(byPrompt.get(row.promptId) ?? []), row]);
  const out: RankedImages[] = [];
  for (const [promptId, group] of byPrompt) {
    const score = new Map<string, number>();
    const model = new Map<string, string>();
    for (const row of group) {
      for (const [path, m] of [
        [row.imageA, row.modelA],
        [row.imageB, row.modelB],
      ] as const) {
        if (!score.has(path)) score.set(path, 0);
        model.set(path, m);
      }
      if (row.preference === "a") {
        score.set(row.imageA, score.get(row.imageA)! + 1);
        score.set(row.imageB, score.get(row.imageB)! - 1);
      } else if (row.preference === "b") {
        score.set(row.imageB, score.get(row.imageB)! + 1);
        score.set(row.imageA, score.get(row.imageA)! - 1);
      }
    }
    const images = [...score.keys()];
    const ranks = images.map((p) => 1 + images.filter((q) => score.get(q)! > score.get(p)!).length);
    out.push({
      prompt: group[0]!.prompt,
      promptId,
      images,
      models: images.map((p) => model.get(p)!),
      ranks,
      rows: group,
    });
  }
  return out;
}
