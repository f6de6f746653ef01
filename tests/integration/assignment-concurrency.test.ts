/**
 * The assignment engine under 200 concurrent raters on the real database: no task is served
 * beyond its overlap target, no rater gets the same task twice, every acknowledged judgment is
 * stored exactly once, and the load spreads evenly across model pairs and prompts.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { raterCookieName, redeemInvite } from "@loupe/api";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
const RATERS = 200;
const OVERLAP = 3;

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, { slug: "load", models: ["m1", "m2", "m3", "m4", "m5"], prompts: 20 });
});
afterAll(() => app?.close());

it("200 concurrent raters: never past the overlap, never a task twice, nothing lost or double-counted", async () => {
  const client = fx.owner.client;
  const study = await client.studies.create.mutate({
    projectSlug: "load",
    name: "load",
    config: {
      kind: "pairwise",
      axes: [{ id: "overall", question: "Which is better?" }],
      modelIds: fx.models.map((m) => m.id),
      promptSetIds: [fx.set.id],
      overlap: OVERLAP,
    },
  });
  const studyId = study.id;
  const { tasks } = await client.studies.launch.mutate({ projectSlug: "load", studyId });
  expect(tasks).toBe(10 * 20);
  const invite = await client.studies.createInvite.mutate({ projectSlug: "load", studyId });
  const token = invite.path.split("/")[2]!;
  const raters = await Promise.all(
    Array.from({ length: RATERS }, async () => {
      const { sessionToken } = await redeemInvite(app.db, token, new URLSearchParams());
      return app.trpc(`${raterCookieName(studyId)}=${sessionToken}`);
    }),
  );

  let acknowledged = 0;
  const rate = async (rater: (typeof raters)[number], limit: number) => {
    for (let i = 0; i < limit; i++) {
      const next = await rater.rating.next.mutate({ studyId });
      if (next.status !== "task") return;
      const answers = { overall: (["left", "right", "tie"] as const)[crypto.randomInt(3)]! };
      const key = crypto.randomUUID();
      const first = await rater.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: key,
        answers,
      });
      // Every tenth submission is retried, as a flaky network would: it must not count twice.
      if (crypto.randomInt(10) === 0) {
        const retry = await rater.rating.submit.mutate({
          studyId,
          assignmentId: next.task.assignmentId,
          idempotencyKey: key,
          answers,
        });
        expect(retry).toMatchObject({ judgmentId: first.judgmentId, duplicate: true });
      }
      acknowledged++;
    }
  };

  // Round 1: every rater takes one task at once. Least-judged-first spreads them over the pool.
  await Promise.all(raters.map((r) => rate(r, 1)));
  const perPair = await app.db.$queryRaw<{ pair: string; judgments: number }[]>`
    SELECT oa."modelId" || '|' || ob."modelId" AS pair, sum(t."judgmentCount")::int AS judgments
    FROM "StudyTask" t JOIN "Output" oa ON oa.id = t."outputAId" JOIN "Output" ob ON ob.id = t."outputBId"
    WHERE t."studyId" = ${studyId} GROUP BY 1`;
  expect(perPair).toHaveLength(10);
  // 200 judgments over 10 pairs of 20 tasks: 20 each if perfectly even.
  for (const p of perPair) {
    expect(p.judgments).toBeGreaterThanOrEqual(12);
    expect(p.judgments).toBeLessThanOrEqual(28);
  }
  const round1 = await app.db.studyTask.findMany({ where: { studyId } });
  expect(Math.max(...round1.map((t) => t.judgmentCount))).toBeLessThanOrEqual(OVERLAP);
  expect(round1.filter((t) => t.judgmentCount > 0).length).toBeGreaterThanOrEqual(150);

  // Round 2: everyone rates until the study is full.
  await Promise.all(raters.map((r) => rate(r, 1000)));

  const finalTasks = await app.db.studyTask.findMany({ where: { studyId } });
  const judgments = await app.db.judgment.findMany({
    where: { studyId },
    select: { taskId: true, raterId: true },
  });
  expect(acknowledged).toBe(200 * OVERLAP);
  expect(judgments).toHaveLength(acknowledged);
  for (const t of finalTasks) {
    expect(t.judgmentCount).toBe(OVERLAP);
    expect(t.activeCount).toBe(OVERLAP);
    expect(judgments.filter((j) => j.taskId === t.id)).toHaveLength(OVERLAP);
  }
  // Each rater's progress counter agrees with their stored judgments.
  const raterRows = await app.db.rater.findMany({ where: { studyId } });
  for (const r of raterRows) expect(r.judgmentCount).toBe(judgments.filter((j) => j.raterId === r.id).length);
  const pairs = new Set(judgments.map((j) => `${j.raterId}|${j.taskId}`));
  expect(pairs.size).toBe(judgments.length);
  expect(await app.db.assignment.count({ where: { studyId, status: "leased" } })).toBe(0);
  // Every rater is told the study is done.
  const done = await raters[0]!.rating.next.mutate({ studyId });
  expect(done.status).toBe("done");
}, 120_000);
