/**
 * A correspondence model's predictions, as its evaluation script writes them: the predicted target
 * keypoints of each pair, in the order of the pair's annotated keypoints, named by the pair's file
 * name in PairAnnotation (without ".json"). Accepted as
 *   - JSON lines: {"pair": "000001-2008_000585-2008_000702:aeroplane", "keypoints": [[x, y], ...]}
 *   - a JSON object: {"<pair>": [[x, y], ...], ...}
 * A keypoint the model did not place is null. Each bad entry is reported on its own line and the
 * others still import.
 */
import { z } from "zod";
import type { Keypoint } from "./spair-annotation";

const coordinate = z.number().finite("coordinates must be finite numbers");
const predictedKeypoints = z
  .array(z.tuple([coordinate, coordinate]).nullable())
  .min(1)
  .max(1000);
const predictionLine = z.object({
  pair: z.string().trim().min(1).max(200),
  keypoints: predictedKeypoints,
});

export type PredictionRow = { line: number; pair: string; keypoints: Keypoint[] };
export type PredictionRowError = { line: number; pair?: string; message: string };
export type ParsedPredictions = { rows: PredictionRow[]; errors: PredictionRowError[] };

const issueText = (e: z.ZodError) => {
  const issue = e.issues[0]!;
  return `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
};

export function parseKeypointPredictions(text: string): ParsedPredictions {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("the predictions file is empty");
  const rows: PredictionRow[] = [];
  const errors: PredictionRowError[] = [];
  const seen = new Set<string>();
  const add = (line: number, pair: string, keypoints: Keypoint[]) => {
    if (seen.has(pair)) errors.push({ line, pair, message: `pair "${pair}" appears twice` });
    else {
      seen.add(pair);
      rows.push({ line, pair, keypoints });
    }
  };

  // A single JSON object whose values are arrays is the mapping form; otherwise JSON lines.
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    whole = undefined;
  }
  if (whole && typeof whole === "object" && !Array.isArray(whole) && !("pair" in whole)) {
    Object.entries(whole).forEach(([pair, value], i) => {
      const parsed = predictedKeypoints.safeParse(value);
      if (parsed.success) add(i + 1, pair, parsed.data);
      else errors.push({ line: i + 1, pair, message: issueText(parsed.error) });
    });
    return { rows, errors };
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, message: "not valid JSON" });
      return;
    }
    const parsed = predictionLine.safeParse(value);
    if (parsed.success) add(line, parsed.data.pair, parsed.data.keypoints);
    else errors.push({ line, message: issueText(parsed.error) });
  });
  return { rows, errors };
}
