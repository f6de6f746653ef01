/**
 * The `study.results` job's work: read what the results depend on, compute, store. Skipped when
 * nothing changed since the stored results (same fingerprint), so a burst of refresh requests
 * costs one computation.
 */
import type { Db, Prisma } from "@loupe/db";
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
  // Read before the judgments: a judgment arriving in between makes the stored fingerprint older
  // than the data, which only causes one more refresh, never a missed one.
  const fingerprint = await studyFingerprint(db, studyId);
  if (!opts.force) {
    const stored = await db.studyResult.findUnique({ where: { studyId }, select: { fingerprint: true } });
    if (stored?.fingerprint === fingerprint) return { computed: false };
  }
  const config = pairwiseConfigOf(study);
  const [judgments, plannedPairs, models] = await Promise.all([
    loadStudyJudgments(db, studyId),
    loadPlannedPairs(db, studyId),
    db.genModel.findMany({ where: { id: { in: config.modelIds } }, select: { id: true, name: true } }),
  ]);
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
