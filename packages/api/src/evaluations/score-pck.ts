/**
 * PCK@α for a chunk's outputs: each output's predicted keypoints (imported with the pairs' model
 * predictions) against its prompt's annotated target keypoints. An output without predictions, or
 * a prompt that is not a keypoint pair, gets the reason instead of a value.
 */
import { z } from "zod";
import type { Db } from "@loupe/db";
import { pck, type Point } from "@loupe/evaluators";
import { PCK_DEFAULT_ALPHA, type ResolvedMetric } from "./config";
import type { Score } from "./score-outputs";

const storedPoints = z.array(z.tuple([z.number(), z.number()]).nullable());
const storedBox = z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable();

const toPoints = (value: unknown): (Point | null)[] =>
  storedPoints.parse(value).map((p) => (p ? { x: p[0], y: p[1] } : null));

export async function scorePck(
  db: Db,
  metric: ResolvedMetric,
  outputs: readonly { id: string; promptId: string }[],
): Promise<Map<string, Score>> {
  const alpha = metric.alpha ?? PCK_DEFAULT_ALPHA;
  const [predictions, pairs] = await Promise.all([
    db.outputKeypoints.findMany({ where: { outputId: { in: outputs.map((o) => o.id) } } }),
    db.keypointPair.findMany({ where: { promptId: { in: outputs.map((o) => o.promptId) } } }),
  ]);
  const predicted = new Map(predictions.map((p) => [p.outputId, p.keypoints]));
  const pairOf = new Map(pairs.map((p) => [p.promptId, p]));
  const scores = new Map<string, Score>();
  for (const o of outputs) {
    const pair = pairOf.get(o.promptId);
    const keypoints = predicted.get(o.id);
    if (!pair) {
      scores.set(o.id, {
        error: "the prompt is not a keypoint pair (import pairs with `loupe import keypoints`)",
      });
      continue;
    }
    if (keypoints === undefined) {
      scores.set(o.id, {
        error: "the output has no predicted keypoints (import them with `loupe import keypoint-predictions`)",
      });
      continue;
    }
    const box = storedBox.parse(pair.targetBox ?? null);
    if (metric.pckBox !== "image" && !box) {
      scores.set(o.id, { error: 'the pair has no target box; run PCK against the image (pckBox: "image")' });
      continue;
    }
    const size =
      metric.pckBox === "image" || !box
        ? { width: pair.targetWidth, height: pair.targetHeight }
        : { width: box[2] - box[0], height: box[3] - box[1] };
    try {
      const value = pck(toPoints(keypoints), toPoints(pair.targetKeypoints), { alpha, box: size });
      scores.set(o.id, value === null ? { error: "no target keypoint of the pair is visible" } : { value });
    } catch (err) {
      scores.set(o.id, { error: err instanceof Error ? err.message : String(err) });
    }
  }
  return scores;
}
