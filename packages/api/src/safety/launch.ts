/**
 * Launching a safety study: one review task per output of the chosen models on the chosen prompt
 * sets, in one transaction. With pre-screening, the evaluator's scores set the serving order
 * (likely violations first); without, the order is shuffled.
 */
import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import { writeAudit } from "../audit/log";
import type { SafetyConfig } from "../studies/config";
import { assertSafetyConfig } from "./study-config";

export type SafetyLaunchReport = {
  tasks: number;
  prompts: number;
  /** Outputs with a pre-screening score (the rest are served after them, shuffled). */
  prescreened: number;
};

const refused = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

/**
 * The serving order: by score (likely violations first), unscored items after them, ties and the
 * unscored shuffled. Returns each output's sortKey (its position).
 */
export function prescreenOrder(
  outputIds: readonly string[],
  scores: ReadonlyMap<string, number>,
  order: "high-first" | "low-first",
): Map<string, number> {
  const sign = order === "high-first" ? -1 : 1;
  const shuffled = outputIds.map((id) => ({ id, tiebreak: crypto.randomInt(2 ** 31 - 1) }));
  shuffled.sort((x, y) => {
    const a = scores.get(x.id);
    const b = scores.get(y.id);
    if (a !== undefined && b !== undefined && a !== b) return sign * (a - b);
    if ((a === undefined) !== (b === undefined)) return a === undefined ? 1 : -1;
    return x.tiebreak - y.tiebreak;
  });
  return new Map(shuffled.map((s, i) => [s.id, i]));
}

export async function launchSafetyStudy(
  db: Db,
  actorUserId: string | null,
  study: { id: string; projectId: string; status: string },
  config: SafetyConfig,
): Promise<SafetyLaunchReport> {
  if (study.status !== "draft") throw refused(`The study is already ${study.status}.`);
  if (config.modelIds.length === 0) throw refused("Choose at least one model whose outputs to review.");
  if (config.promptSetIds.length === 0) throw refused("Choose at least one prompt set.");
  const reviewers = new Set([...config.reviewerUserIds, ...config.seniorReviewerUserIds]).size;
  if (reviewers < config.overlap)
    throw refused(
      `Each item needs ${config.overlap} reviewers but the study has ${reviewers}; add reviewers or lower the overlap.`,
    );
  if (config.seniorReviewerUserIds.length === 0)
    throw refused("Choose at least one senior reviewer to decide escalated items.");
  await assertSafetyConfig(db, study.projectId, config);

  const outputs = await db.output.findMany({
    where: {
      projectId: study.projectId,
      modelId: { in: config.modelIds },
      prompt: { promptSetId: { in: config.promptSetIds } },
    },
    select: { id: true, promptId: true },
  });
  if (outputs.length === 0) throw refused("The chosen models have no outputs for the chosen prompt sets.");

  const scores = new Map<string, number>();
  if (config.prescreen) {
    const values = await db.metricValue.findMany({
      where: {
        runId: config.prescreen.runId,
        metric: config.prescreen.metric,
        outputId: { in: outputs.map((o) => o.id) },
        value: { not: null },
      },
      select: { outputId: true, value: true },
    });
    for (const v of values) scores.set(v.outputId, v.value!);
  }
  const sortKey = prescreenOrder(
    outputs.map((o) => o.id),
    scores,
    config.prescreen?.order ?? "high-first",
  );

  await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM "Study" WHERE id = ${study.id} FOR UPDATE`;
      if (locked[0]?.status !== "draft") throw refused("The study was launched already.");
      await tx.$executeRaw`
        INSERT INTO "StudyTask" (id, "studyId", "promptId", "outputAId", "outputBId", target, "sortKey", "prescreenScore")
        SELECT gen_random_uuid()::text, ${study.id}, o."promptId", o."outputId", NULL, ${config.overlap}, o."sortKey", o.score
        FROM unnest(${outputs.map((o) => o.promptId)}::text[], ${outputs.map((o) => o.id)}::text[],
                    ${outputs.map((o) => sortKey.get(o.id)!)}::int[],
                    ${outputs.map((o) => scores.get(o.id) ?? null)}::float8[])
             AS o("promptId", "outputId", "sortKey", score)`;
      await tx.study.update({ where: { id: study.id }, data: { status: "active" } });
      await writeAudit(tx, {
        projectId: study.projectId,
        actorUserId,
        action: "study.launch",
        targetType: "study",
        targetId: study.id,
        data: { tasks: outputs.length, prescreened: scores.size, policyVersion: config.policyVersion },
      });
    },
    { timeout: 120_000 },
  );
  return {
    tasks: outputs.length,
    prompts: new Set(outputs.map((o) => o.promptId)).size,
    prescreened: scores.size,
  };
}
