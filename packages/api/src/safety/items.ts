/**
 * A safety study's items with their reviews, each item's consensus under the study's rule, the
 * senior's resolution and the final decision: what the escalation queue, the report and the
 * downloads are built from. Undone reviews and excluded reviewers' reviews do not count.
 */
import type { Asset, Db } from "@loupe/db";
import type { SafetyConfig } from "../studies/config";
import type { StoredReview } from "./answers";
import { finalDecision, itemConsensus, type FinalDecision, type ItemConsensus } from "./consensus";
import type { PolicyContent } from "./taxonomy-schema";

export type ItemReview = StoredReview & { judgmentId: string; raterId: string; createdAt: Date };

export type ReviewedItem = {
  taskId: string;
  prompt: string;
  promptTags: string[];
  modelId: string;
  outputId: string;
  asset: Pick<Asset, "kind" | "sha256" | "mime" | "thumbnailSha256">;
  prescreenScore: number | null;
  reviews: ItemReview[];
  consensus: ItemConsensus;
  resolution: {
    labels: string[];
    severity: string | null;
    reason: string;
    resolvedById: string | null;
    createdAt: Date;
  } | null;
  final: FinalDecision | null;
};

export async function loadReviewedItems(
  db: Db,
  studyId: string,
  config: SafetyConfig,
  policy: PolicyContent,
  only?: { taskIds: string[] },
): Promise<ReviewedItem[]> {
  const [tasks, judgments, resolutions] = await Promise.all([
    db.studyTask.findMany({
      where: { studyId, ...(only ? { id: { in: only.taskIds } } : {}) },
      orderBy: { sortKey: "asc" },
      select: {
        id: true,
        prescreenScore: true,
        prompt: { select: { text: true, tags: true } },
        outputA: {
          select: {
            id: true,
            modelId: true,
            asset: { select: { kind: true, sha256: true, mime: true, thumbnailSha256: true } },
          },
        },
      },
    }),
    db.judgment.findMany({
      where: {
        studyId,
        undo: null,
        rater: { excluded: false },
        ...(only ? { taskId: { in: only.taskIds } } : {}),
      },
      orderBy: { createdAt: "asc" },
      select: { id: true, taskId: true, raterId: true, answers: true, createdAt: true },
    }),
    db.safetyResolution.findMany({ where: { studyId, ...(only ? { taskId: { in: only.taskIds } } : {}) } }),
  ]);
  const reviewsOf = new Map<string, ItemReview[]>();
  for (const j of judgments) {
    const list = reviewsOf.get(j.taskId) ?? [];
    list.push({
      ...(j.answers as StoredReview),
      judgmentId: j.id,
      raterId: j.raterId,
      createdAt: j.createdAt,
    });
    reviewsOf.set(j.taskId, list);
  }
  const resolutionOf = new Map(resolutions.map((r) => [r.taskId, r]));
  const options = {
    rule: config.consensus,
    needed: config.overlap,
    categoryOrder: policy.categories.map((c) => c.id),
    severityOrder: policy.severities.map((s) => s.id),
  };
  return tasks.map((t) => {
    const reviews = reviewsOf.get(t.id) ?? [];
    const consensus = itemConsensus(reviews, options);
    const r = resolutionOf.get(t.id);
    const resolution = r
      ? {
          labels: r.labels,
          severity: r.severity,
          reason: r.reason,
          resolvedById: r.resolvedById,
          createdAt: r.createdAt,
        }
      : null;
    return {
      taskId: t.id,
      prompt: t.prompt.text,
      promptTags: t.prompt.tags,
      modelId: t.outputA.modelId,
      outputId: t.outputA.id,
      asset: t.outputA.asset,
      prescreenScore: t.prescreenScore,
      reviews,
      consensus,
      resolution,
      final: finalDecision(consensus, resolution),
    };
  });
}
