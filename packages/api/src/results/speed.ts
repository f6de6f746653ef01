/**
 * Speed beside quality (as MobileDiffusion and UFOGen report it): per model, the median latency
 * and the median steps / NFE of the outputs a study compared, from what each output recorded
 * when it was generated. Outputs imported without a latency are left out (and counted apart).
 */
import type { Db } from "@loupe/db";

export type ModelSpeed = {
  model: string;
  /** Median seconds per output (null when no output of the model recorded its latency). */
  medianLatencySeconds: number | null;
  /** Median sampler steps / NFE, when recorded. */
  medianSteps: number | null;
  /** Outputs with a recorded latency, of those compared. */
  timed: number;
  outputs: number;
};

export async function speedOfStudies(db: Db, studyIds: readonly string[]): Promise<ModelSpeed[]> {
  if (studyIds.length === 0) return [];
  const rows = await db.$queryRaw<
    { model: string; latency: number | null; steps: number | null; timed: number; outputs: number }[]
  >`
    WITH compared AS (
      SELECT "outputAId" AS id FROM "StudyTask" WHERE "studyId" = ANY(${studyIds})
      UNION
      SELECT "outputBId" FROM "StudyTask" WHERE "studyId" = ANY(${studyIds})
    )
    SELECT m.name AS model,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY o."latencyMs") AS latency,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY o.steps) AS steps,
           count(o."latencyMs")::int AS timed, count(*)::int AS outputs
    FROM compared JOIN "Output" o ON o.id = compared.id JOIN "GenModel" m ON m.id = o."modelId"
    GROUP BY m.name ORDER BY m.name`;
  return rows.map((r) => ({
    model: r.model,
    medianLatencySeconds: r.latency === null ? null : r.latency / 1000,
    medianSteps: r.steps,
    timed: r.timed,
    outputs: r.outputs,
  }));
}
