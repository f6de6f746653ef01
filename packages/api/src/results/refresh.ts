/**
 * The `study.results` job's work: apply the quality-control rule, read what the results depend
 * on, compute, store. Skipped when nothing changed since the stored results (same fingerprint), so
 * a burst of refresh requests costs one computation.
 */
import { Prisma, type Db } from "@loupe/db";
import { applyQualityRule } from "../quality/apply-rule";
import { pairwiseConfigOf } from "../studies/service";
import { computeStudyResults } from "./compute";
import { loadPlannedPairs, loadStudyJudgments, studyFingerprint } from "./load-judgments";

export async function refreshStudyResults(
  db: Db,
  studyId: string,
  opts: { force?: boolean; rounds?: number } = {},
): Promise<{ computed: boolean }> {
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study || study.kind !== "pairwise") return { computed: false };
  const config = pairwiseConfigOf(study);
  // Quality control first: raters the rule excludes now are left out of these very results.
  await applyQualityRule(db, study, config);
  // The fingerprint and the data from one snapshot, so the stored fingerprint is exactly what the
  // results were computed from (a judgment committed meanwhile is the next refresh's).
  const read = await db.$transaction(
    async (tx) => {
      const fingerprint = await studyFingerprint(tx, studyId);
      if (!opts.force) {
        const stored = await tx.studyResult.findUnique({ where: { studyId }, select: { fingerprint: true } });
        if (stored?.fingerprint === fingerprint) return null;
      }
      return {
        fingerprint,
        judgments: await loadStudyJudgments(tx, studyId),
        plannedPairs: await loadPlannedPairs(tx, studyId),
        models: await tx.genModel.findMany({
          where: { id: { in: config.modelIds } },
          select: { id: true, name: true },
        }),
      };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000 },
  );
  if (!read) return { computed: false };
  const { fingerprint, judgments, plannedPairs, models } = read;
  const results = computeStudyResults({
    axes: config.axes,
    modelNames: new Map(models.map((m) => [m.id, m.name])),
    plannedPairs,
    judgments,
    rounds: opts.rounds,
  });
  const data = results as unknown as Prisma.InputJsonObject;
  const judgmentsCounted = results.judgments.counted;
  await db.studyResult.upsert({
    where: { studyId },
    create: { studyId, fingerprint, judgments: judgmentsCounted, data },
    update: { fingerprint, judgments: judgmentsCounted, data, computedAt: new Date() },
  });
  return { computed: true };
}
