/**
 * A finished side-by-side study on the demo project, rated by simulated raters, so a new user
 * opens a real leaderboard — ratings, intervals, agreement, position bias, tags — on the first
 * start. Its name says the raters were simulated. Written inside the demo project's transaction,
 * so a crash leaves neither or both.
 *
 * The raters follow Bradley–Terry with the demo models' intended order (sharp > soft > noisy),
 * favour the left side a little, sometimes call a tie or "both bad", and one of them answers at
 * random — the kind of rater quality control is there to catch. Deterministic (seeded).
 */
import crypto from "node:crypto";
import { seededRandom, type Random } from "@loupe/stats";
import type { Prisma } from "@loupe/db";
import { pairwiseConfigSchema } from "../studies/config";
import { planComparisons, type PlanOutput } from "../studies/plan";
import { studyTemplate } from "../studies/templates";
import type { DemoModelName } from "./render";
import { simulatedJudgment } from "./simulated-judgment";

export const DEMO_STUDY_NAME = "Demo side-by-side (simulated raters)";

/** Elo-scale strengths the simulated raters follow. */
const STRENGTH: Record<DemoModelName, number> = {
  "demo-sharp-v2": 1200,
  "demo-soft-v1": 1050,
  "demo-noisy-v0": 900,
};
/** Elo points the left side gains in a simulated rater's eyes. */
const LEFT_ADVANTAGE = 40;
const RATERS = 4;
const OVERLAP = 3;

type Verdict = "A" | "B" | "tie" | "both_bad";

function verdict(
  random: Random,
  strengthLeft: number,
  strengthRight: number,
  careless: boolean,
): "left" | "right" | "tie" | "both_bad" {
  const roll = random.next();
  if (careless) return roll < 0.5 ? "left" : "right";
  if (roll < 0.08) return "tie";
  if (roll < 0.11) return "both_bad";
  const pLeft = 1 / (1 + 10 ** ((strengthRight - strengthLeft - LEFT_ADVANTAGE) / 400));
  return random.next() < pLeft ? "left" : "right";
}

const toAB = (answer: ReturnType<typeof verdict>, swapped: boolean): Verdict =>
  answer === "left" ? (swapped ? "B" : "A") : answer === "right" ? (swapped ? "A" : "B") : answer;

export async function insertDemoStudy(
  tx: Prisma.TransactionClient,
  input: {
    projectId: string;
    ownerUserId: string;
    promptSetId: string;
    promptIds: readonly string[];
    models: readonly { id: string; name: DemoModelName }[];
    outputs: readonly PlanOutput[];
  },
): Promise<string> {
  const template = studyTemplate("side-by-side");
  const config = pairwiseConfigSchema.parse({
    kind: "pairwise",
    template: template.id,
    instructions: template.instructions,
    axes: template.axes,
    modelIds: input.models.map((m) => m.id),
    promptSetIds: [input.promptSetId],
    overlap: OVERLAP,
  });
  const study = await tx.study.create({
    data: {
      projectId: input.projectId,
      name: DEMO_STUDY_NAME,
      kind: "pairwise",
      status: "completed",
      config: config as Prisma.InputJsonObject,
      createdById: input.ownerUserId,
    },
  });
  const { comparisons } = planComparisons({
    plan: config.plan,
    modelIds: config.modelIds,
    promptIds: input.promptIds,
    outputs: input.outputs,
  });
  const modelOf = new Map(input.outputs.map((o) => [o.id, o.modelId]));
  const strengthOf = new Map(input.models.map((m) => [m.id, STRENGTH[m.name]]));
  const random = seededRandom(2024);
  const raters = Array.from({ length: RATERS }, () => ({
    id: crypto.randomUUID(),
    studyId: study.id,
    judgmentCount: 0,
  }));
  const tasks: Prisma.StudyTaskCreateManyInput[] = [];
  const assignments: Prisma.AssignmentCreateManyInput[] = [];
  const judgments: Prisma.JudgmentCreateManyInput[] = [];
  const started = Date.now() - 3 * 3600_000;
  for (const [t, c] of comparisons.entries()) {
    const taskId = crypto.randomUUID();
    tasks.push({
      id: taskId,
      studyId: study.id,
      promptId: c.promptId,
      outputAId: c.outputAId,
      outputBId: c.outputBId,
      target: OVERLAP,
      activeCount: OVERLAP,
      judgmentCount: OVERLAP,
      sortKey: t,
    });
    const a = strengthOf.get(modelOf.get(c.outputAId)!)!;
    const b = strengthOf.get(modelOf.get(c.outputBId)!)!;
    for (let k = 0; k < OVERLAP; k++) {
      const rater = raters[(t + k) % RATERS]!;
      rater.judgmentCount++;
      const swapped = random.next() < 0.5;
      const [left, right] = swapped ? [b, a] : [a, b];
      // The last rater answers at random; the others follow the models, axis by axis.
      const careless = rater === raters[RATERS - 1];
      const answers = Object.fromEntries(
        config.axes.map((axis) => [axis.id, toAB(verdict(random, left, right, careless), swapped)]),
      );
      const { assignment, judgment } = simulatedJudgment({
        studyId: study.id,
        taskId,
        raterId: rater.id,
        swapped,
        answers,
        at: new Date(started + (t * OVERLAP + k) * 20_000),
        durationMs: careless ? 900 : 4000 + Math.round(random.next() * 6000),
      });
      assignments.push(assignment);
      judgments.push(judgment);
    }
  }
  await tx.studyTask.createMany({ data: tasks });
  await tx.rater.createMany({ data: raters });
  await tx.assignment.createMany({ data: assignments });
  await tx.judgment.createMany({ data: judgments });
  return study.id;
}
