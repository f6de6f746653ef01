/**
 * Every judgment of a study as flat rows, for researchers' own analysis scripts (the statistics
 * and dataset issues build on the same data). Model names are included: this is the researcher's
 * view, never the rater's. Raters appear as their study-scoped rater id, not as a person.
 */
import type { Db } from "@loupe/db";
import { findStudy } from "./service";

export type JudgmentRow = {
  judgmentId: string;
  createdAt: Date;
  raterId: string;
  raterExcluded: boolean;
  promptId: string;
  prompt: string;
  tags: string[];
  modelA: string;
  modelB: string;
  seedA: string;
  seedB: string;
  isGold: boolean;
  /** True when B was shown on the left. */
  swapped: boolean;
  /** Per axis, in A/B orientation: "A" | "B" | "tie" | "both_bad", or -2…2 (negative favours A). */
  answers: Record<string, string | number>;
  durationMs: number | null;
  /** Taken back by the rater within the undo window; left out of every result. */
  undone: boolean;
};

export async function listStudyJudgments(db: Db, projectId: string, studyId: string): Promise<JudgmentRow[]> {
  await findStudy(db, projectId, studyId);
  return db.$queryRaw<JudgmentRow[]>`
    SELECT j.id AS "judgmentId", j."createdAt", j."raterId", r.excluded AS "raterExcluded",
           p."externalId" AS "promptId", p.text AS prompt, p.tags,
           ma.name AS "modelA", mb.name AS "modelB", oa.seed::text AS "seedA", ob.seed::text AS "seedB",
           t."isGold", j.swapped, j.answers, j."durationMs", (u.id IS NOT NULL) AS undone
    FROM "Judgment" j
    JOIN "Rater" r ON r.id = j."raterId"
    JOIN "StudyTask" t ON t.id = j."taskId"
    JOIN "Prompt" p ON p.id = t."promptId"
    JOIN "Output" oa ON oa.id = t."outputAId" JOIN "GenModel" ma ON ma.id = oa."modelId"
    JOIN "Output" ob ON ob.id = t."outputBId" JOIN "GenModel" mb ON mb.id = ob."modelId"
    LEFT JOIN "JudgmentUndo" u ON u."judgmentId" = j.id
    WHERE j."studyId" = ${studyId}
    ORDER BY j."createdAt", j.id`;
}
