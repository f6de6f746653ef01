/**
 * What a study's results are computed from, read in one query: every judgment that counts (not
 * undone), with its task's prompt, tags and models, and whether its rater is excluded. Excluded
 * raters' judgments are read (their number is reported) but the computation leaves them out.
 */
import type { Db, Prisma } from "@loupe/db";

/** The client or a transaction: refresh reads everything in one snapshot. */
type Reader = Db | Prisma.TransactionClient;
import type { StoredAnswers } from "../assignments/answers";

export type LoadedJudgment = {
  raterId: string;
  raterExcluded: boolean;
  taskId: string;
  promptId: string;
  tags: string[];
  /** Model ids in the task's A/B order. */
  modelA: string;
  modelB: string;
  isGold: boolean;
  goldAnswers: StoredAnswers | null;
  /** True when B was shown on the left. */
  swapped: boolean;
  answers: StoredAnswers;
};

export async function loadStudyJudgments(db: Reader, studyId: string): Promise<LoadedJudgment[]> {
  return db.$queryRaw<LoadedJudgment[]>`
    SELECT j."raterId", r.excluded AS "raterExcluded", j."taskId", t."promptId", p.tags,
           oa."modelId" AS "modelA", ob."modelId" AS "modelB", t."isGold", t."goldAnswers",
           j.swapped, j.answers
    FROM "Judgment" j
    JOIN "Rater" r ON r.id = j."raterId"
    JOIN "StudyTask" t ON t.id = j."taskId"
    JOIN "Prompt" p ON p.id = t."promptId"
    JOIN "Output" oa ON oa.id = t."outputAId"
    JOIN "Output" ob ON ob.id = t."outputBId"
    WHERE j."studyId" = ${studyId}
      AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)`;
}

/**
 * A short digest of everything the results depend on: judgments, undos, rater exclusions, gold
 * answers and the study's configuration. Equal fingerprints mean equal results, so a refresh
 * with nothing new is skipped and a page can tell that its numbers are behind.
 */
export async function studyFingerprint(db: Reader, studyId: string): Promise<string> {
  const rows = await db.$queryRaw<{ digest: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT count(*) FROM "Judgment" WHERE "studyId" = ${studyId}),
      (SELECT max("createdAt")::text FROM "Judgment" WHERE "studyId" = ${studyId}),
      (SELECT count(*) FROM "JudgmentUndo" u JOIN "Judgment" j ON j.id = u."judgmentId" WHERE j."studyId" = ${studyId}),
      (SELECT string_agg(id, ',' ORDER BY id) FROM "Rater" WHERE "studyId" = ${studyId} AND excluded),
      (SELECT string_agg(id || ':' || coalesce("goldAnswers"::text, ''), ',' ORDER BY id)
         FROM "StudyTask" WHERE "studyId" = ${studyId} AND "isGold"),
      (SELECT "updatedAt"::text FROM "Study" WHERE id = ${studyId})
    )) AS digest`;
  return rows[0]!.digest;
}

/** The model pairs (ids, the plan's A/B order) the study has tasks for, judged or not. */
export async function loadPlannedPairs(db: Reader, studyId: string) {
  return db.$queryRaw<{ modelA: string; modelB: string }[]>`
    SELECT DISTINCT oa."modelId" AS "modelA", ob."modelId" AS "modelB"
    FROM "StudyTask" t
    JOIN "Output" oa ON oa.id = t."outputAId"
    JOIN "Output" ob ON ob.id = t."outputBId"
    WHERE t."studyId" = ${studyId} AND NOT t."isGold"`;
}
