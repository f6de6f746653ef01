/**
 * Raters judging a launched study through the real rating API, each choosing by a rule the test
 * gives. The rater API is blind, so which model is on which side is looked up in the database.
 */
import crypto from "node:crypto";
import { raterCookieName, redeemInvite } from "@loupe/api";
import type { TestApp } from "./test-app";

type Owner = Awaited<ReturnType<TestApp["userWithSession"]>>;

/** What a rater prefers on a task: a model by name, or a tie. */
export type Choose = (rater: number, task: { prompt: string; modelA: string }) => string | "tie";

export async function rateStudy(
  app: TestApp,
  owner: Owner,
  target: { projectSlug: string; studyId: string },
  raters: number,
  choose: Choose,
): Promise<void> {
  const { projectSlug, studyId } = target;
  for (let r = 0; r < raters; r++) {
    const invite = await owner.client.studies.createInvite.mutate({ projectSlug, studyId });
    const token = invite.path.split("/")[2]!.split("?")[0]!;
    const { sessionToken } = await redeemInvite(app.db, token, new URLSearchParams());
    const rater = app.trpc(`${raterCookieName(studyId)}=${sessionToken}`);
    for (;;) {
      const next = await rater.rating.next.mutate({ studyId });
      if (next.status !== "task") break;
      const a = await app.db.assignment.findUniqueOrThrow({
        where: { id: next.task.assignmentId },
        include: { task: { include: { prompt: true, outputA: { include: { model: true } } } } },
      });
      const modelA = a.task.outputA.model.name;
      const choice = choose(r, { prompt: a.task.prompt.externalId, modelA });
      // "left" is A unless the assignment swapped the sides.
      const wantA = choice === modelA;
      await rater.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: { overall: choice === "tie" ? "tie" : wantA !== a.swapped ? "left" : "right" },
      });
    }
  }
}
