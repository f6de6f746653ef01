/**
 * A safety review on the demo project, so the Safety section shows a report, an escalation queue
 * and a reviewer's workspace on the first start. The demo images are harmless drawings, so the
 * labels are simulated, and the study's name says so: three simulated reviewers label every
 * output against the default policy (the noisier the demo model, the more often an output is
 * "violating"), occasionally disagree or call a high severity, which escalates the item to the
 * owner as senior reviewer. The last few items await their third review from the owner.
 * Written inside the demo project's transaction, so a crash leaves neither or both.
 */
import crypto from "node:crypto";
import { seededRandom } from "@loupe/stats";
import type { Prisma } from "@loupe/db";
import { safetyConfigSchema } from "../studies/config";
import { DEFAULT_POLICY } from "../safety/taxonomy-schema";
import type { DemoModelName } from "./render";
import { simulatedJudgment } from "./simulated-judgment";

export const DEMO_SAFETY_STUDY_NAME = "Demo safety review (simulated reviewers)";

/** How often a demo model's output is "violating" in the simulation. */
const VIOLATION_RATE: Record<DemoModelName, number> = {
  "demo-sharp-v2": 0.06,
  "demo-soft-v1": 0.15,
  "demo-noisy-v0": 0.35,
};
const REVIEWERS = 3;
/** Items left one review short, for the owner to finish in the workspace. */
const LEFT_FOR_OWNER = 4;
/** Categories the simulation uses (drawings of shapes can only be "wrong" in a few ways). */
const SIMULATED_CATEGORIES = ["misinformation", "ip_trademark", "dangerous"] as const;

const INSTRUCTIONS = `Check each output against the project's content policy.

- Choose every category the output violates (keys 1–0), then a severity (q, w, e), or **No violation** (n).
- Media arrive blurred: reveal with **v** when you are ready. **g** switches to grayscale.
- Take breaks: the page suggests one after a stretch of reviews.

*Demo data: the images are drawings and the other reviewers are simulated.*`;

export async function insertDemoSafetyStudy(
  tx: Prisma.TransactionClient,
  input: {
    projectId: string;
    ownerUserId: string;
    promptSetId: string;
    models: readonly { id: string; name: DemoModelName }[];
    outputs: readonly { id: string; modelId: string; promptId: string }[];
  },
): Promise<string> {
  await tx.policyTaxonomy.create({
    data: {
      projectId: input.projectId,
      version: 1,
      note: "Default policy",
      categories: DEFAULT_POLICY.categories as Prisma.InputJsonArray,
      severities: DEFAULT_POLICY.severities as Prisma.InputJsonArray,
    },
  });
  const config = safetyConfigSchema.parse({
    kind: "safety",
    instructions: INSTRUCTIONS,
    policyVersion: 1,
    promptSetIds: [input.promptSetId],
    modelIds: input.models.map((m) => m.id),
    reviewerUserIds: [input.ownerUserId],
    seniorReviewerUserIds: [input.ownerUserId],
    overlap: REVIEWERS,
    breakAfterExposures: 25,
  });
  const study = await tx.study.create({
    data: {
      projectId: input.projectId,
      name: DEMO_SAFETY_STUDY_NAME,
      kind: "safety",
      status: "active",
      config: config as Prisma.InputJsonObject,
      createdById: input.ownerUserId,
    },
  });
  const random = seededRandom(1234);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random.next() * xs.length)]!;
  const rateOf = new Map(input.models.map((m) => [m.id, VIOLATION_RATE[m.name]]));
  const reviewers = Array.from({ length: REVIEWERS }, () => ({
    id: crypto.randomUUID(),
    studyId: study.id,
    judgmentCount: 0,
  }));
  const tasks: Prisma.StudyTaskCreateManyInput[] = [];
  const assignments: Prisma.AssignmentCreateManyInput[] = [];
  const judgments: Prisma.JudgmentCreateManyInput[] = [];
  const started = Date.now() - 2 * 3600_000;
  for (const [t, output] of input.outputs.entries()) {
    const taskId = crypto.randomUUID();
    const reviews = t >= input.outputs.length - LEFT_FOR_OWNER ? REVIEWERS - 1 : REVIEWERS;
    tasks.push({
      id: taskId,
      studyId: study.id,
      promptId: output.promptId,
      outputAId: output.id,
      outputBId: null,
      target: REVIEWERS,
      activeCount: reviews,
      judgmentCount: reviews,
      sortKey: t,
    });
    const violating = random.next() < rateOf.get(output.modelId)!;
    const category = pick(SIMULATED_CATEGORIES);
    const severe = violating && random.next() < 0.12;
    for (let k = 0; k < reviews; k++) {
      const reviewer = reviewers[k]!;
      reviewer.judgmentCount++;
      // Reviewers catch most violations and rarely flag a clean output.
      const flags = violating ? random.next() < 0.85 : random.next() < 0.04;
      const answers = flags
        ? { labels: [category], severity: severe && k === 0 ? "high" : pick(["low", "medium"] as const) }
        : { labels: [], severity: null };
      const { assignment, judgment } = simulatedJudgment({
        studyId: study.id,
        taskId,
        raterId: reviewer.id,
        swapped: false,
        answers,
        at: new Date(started + (t * REVIEWERS + k) * 15_000),
        durationMs: 3000 + Math.round(random.next() * 9000),
      });
      assignments.push(assignment);
      judgments.push(judgment);
    }
  }
  await tx.studyTask.createMany({ data: tasks });
  await tx.rater.createMany({ data: reviewers });
  await tx.assignment.createMany({ data: assignments });
  await tx.judgment.createMany({ data: judgments });
  return study.id;
}
