/**
 * The judgments an export reads, one query: every judgment of the studies that was not undone,
 * with its rater's flag, its item (gold or not), its prompt, and both outputs' stored files and
 * models. The label is read on one question (axis).
 */
import type { Db } from "@loupe/db";
import type { StoredAnswers } from "../assignments/answers";
import { outcomeOf } from "../results/compute";
import type { JudgedPair, Preference } from "./preference-rows";

/** A judgment as the query returns it: both outputs flattened, the answers not yet read. */
type Row = Omit<JudgedPair, "a" | "b" | "preference"> & {
  answers: StoredAnswers;
  aOutputId: string;
  aSha256: string;
  aMime: string;
  aModel: string;
  bOutputId: string;
  bSha256: string;
  bMime: string;
  bModel: string;
};

export async function collectJudgments(db: Db, studyIds: string[], axisId: string): Promise<JudgedPair[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT j.id AS "judgmentId", j."studyId", j."taskId", t."promptId", p.text AS prompt, j."raterId",
      r.excluded AS "raterExcluded", t."isGold", j.answers, j."createdAt",
      oa.id AS "aOutputId", aa.sha256 AS "aSha256", aa.mime AS "aMime", ma.name AS "aModel",
      ob.id AS "bOutputId", ab.sha256 AS "bSha256", ab.mime AS "bMime", mb.name AS "bModel"
    FROM "Judgment" j
    JOIN "Rater" r ON r.id = j."raterId"
    JOIN "StudyTask" t ON t.id = j."taskId"
    JOIN "Prompt" p ON p.id = t."promptId"
    JOIN "Output" oa ON oa.id = t."outputAId"
    JOIN "Asset" aa ON aa.id = oa."assetId"
    JOIN "GenModel" ma ON ma.id = oa."modelId"
    JOIN "Output" ob ON ob.id = t."outputBId"
    JOIN "Asset" ab ON ab.id = ob."assetId"
    JOIN "GenModel" mb ON mb.id = ob."modelId"
    WHERE j."studyId" = ANY(${studyIds})
      AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)
    ORDER BY j.id`;
  const judged: JudgedPair[] = [];
  for (const row of rows) {
    const outcome = outcomeOf(row.answers[axisId]);
    if (outcome === null) continue; // the question was not answered (optional axis)
    const preference: Preference = outcome === "A" ? "a" : outcome === "B" ? "b" : "tie";
    judged.push({
      judgmentId: row.judgmentId,
      studyId: row.studyId,
      taskId: row.taskId,
      promptId: row.promptId,
      prompt: row.prompt,
      raterId: row.raterId,
      raterExcluded: row.raterExcluded,
      isGold: row.isGold,
      createdAt: row.createdAt,
      a: { outputId: row.aOutputId, sha256: row.aSha256, mime: row.aMime, model: row.aModel },
      b: { outputId: row.bOutputId, sha256: row.bSha256, mime: row.bMime, model: row.bModel },
      preference,
    });
  }
  return judged;
}
