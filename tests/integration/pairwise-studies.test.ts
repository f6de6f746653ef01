/**
 * Pairwise studies through the tRPC API on a real database: design and launch, the rater's loop
 * (invite, next, submit, skip, undo, completion), idempotency, expired leases, blinding, gold and
 * quality control.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raterCookieName, redeemInvite } from "@loupe/api";
import { refreshStudyResults } from "@loupe/api/results";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
const slug = "pairs";

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, {
    slug,
    models: ["imagen-alpha", "flux-beta", "sdxl-gamma"],
    prompts: 4,
    skipOutputs: [{ model: "sdxl-gamma", prompt: 3 }],
  });
});
afterAll(() => app?.close());

type Researcher = typeof fx.owner.client;

async function createAndLaunch(
  client: Researcher,
  name: string,
  config: Record<string, unknown> = {},
): Promise<{ studyId: string; report: { tasks: number; missing: number } }> {
  const templates = await client.studies.templates.query({ projectSlug: slug });
  const sbs = templates.find((t) => t.id === "side-by-side")!;
  const study = await client.studies.create.mutate({
    projectSlug: slug,
    name,
    config: {
      kind: "pairwise",
      template: "side-by-side",
      instructions: sbs.instructions,
      axes: sbs.axes,
      modelIds: fx.models.map((m) => m.id),
      promptSetIds: [fx.set.id],
      overlap: 2,
      ...config,
    },
  });
  const report = await client.studies.launch.mutate({ projectSlug: slug, studyId: study.id });
  return { studyId: study.id, report };
}

async function raterClient(studyId: string, params = new URLSearchParams()) {
  const invite = await fx.owner.client.studies.createInvite.mutate({ projectSlug: slug, studyId });
  const token = invite.path.split("/")[2]!.split("?")[0]!;
  const { sessionToken } = await redeemInvite(app.db, token, params);
  return app.trpc(`${raterCookieName(studyId)}=${sessionToken}`);
}

const answerAll = { overall: "left", alignment: "right", appeal: "tie" } as const;

describe("study design and launch", () => {
  it("launches all pairs × prompts as tasks and reports the cells without outputs", async () => {
    const { studyId, report } = await createAndLaunch(fx.owner.client, "all pairs");
    // 3 pairs on prompts 1–3, and only imagen vs flux on prompt 4 (sdxl has no output there).
    expect(report).toMatchObject({ tasks: 3 * 3 + 1, prompts: 4, missing: 1 });
    const study = await fx.owner.client.studies.get.query({ projectSlug: slug, studyId });
    expect(study).toMatchObject({ status: "active", tasks: 10, judgments: 0 });
    await expect(fx.owner.client.studies.launch.mutate({ projectSlug: slug, studyId })).rejects.toThrow(
      /already active/,
    );
  });

  it("plans each model against a baseline", async () => {
    const baseline = fx.models[1]!.id;
    const { studyId, report } = await createAndLaunch(fx.owner.client, "baseline", {
      plan: { kind: "baseline", baselineModelId: baseline },
    });
    expect(report.tasks).toBe(2 * 3 + 1);
    const { tasks } = await fx.owner.client.studies.tasks.query({ projectSlug: slug, studyId, take: 50 });
    expect(tasks.every((t) => t.modelB === "flux-beta")).toBe(true);
  });

  it("refuses bad designs with a clear message", async () => {
    await expect(
      fx.owner.client.studies.create.mutate({
        projectSlug: slug,
        name: "bad",
        config: { kind: "pairwise", axes: [], modelIds: [], promptSetIds: [] },
      }),
    ).rejects.toThrow(/at least one question/);
    await expect(
      fx.owner.client.studies.create.mutate({
        projectSlug: slug,
        name: "bad",
        config: {
          kind: "pairwise",
          axes: [{ id: "x", question: "?" }],
          modelIds: [fx.models[0]!.id, fx.models[1]!.id],
          plan: { kind: "baseline", baselineModelId: fx.models[2]!.id },
        },
      }),
    ).rejects.toThrow(/baseline must be one of the study's models/);
    const draft = await fx.owner.client.studies.create.mutate({
      projectSlug: slug,
      name: "one model",
      config: {
        kind: "pairwise",
        axes: [{ id: "x", question: "?" }],
        modelIds: [fx.models[0]!.id],
        promptSetIds: [fx.set.id],
      },
    });
    await expect(
      fx.owner.client.studies.launch.mutate({ projectSlug: slug, studyId: draft.id }),
    ).rejects.toThrow(/at least two models/);
  });
});

describe("the rater's loop", () => {
  it("serves, records, retries idempotently, skips, undoes and finishes with the completion code", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "loop", { overlap: 1 });
    const rater = await raterClient(studyId);
    const session = await rater.rating.session.query({ studyId });
    expect(session.axes.map((a) => a.id)).toEqual(["overall", "alignment", "appeal"]);
    expect(session.progress).toEqual({ done: 0, total: 10 });

    const first = await rater.rating.next.mutate({ studyId });
    if (first.status !== "task") throw new Error(first.status);
    // A reload gets the same task back; a prefetch gets a different one.
    const again = await rater.rating.next.mutate({ studyId });
    expect(again.status === "task" && again.task.assignmentId).toBe(first.task.assignmentId);
    const prefetched = await rater.rating.next.mutate({ studyId, exclude: [first.task.assignmentId] });
    expect(prefetched.status === "task" && prefetched.task.assignmentId).not.toBe(first.task.assignmentId);

    await expect(
      rater.rating.submit.mutate({
        studyId,
        assignmentId: first.task.assignmentId,
        idempotencyKey: "k-000001",
        answers: { overall: "left" },
      }),
    ).rejects.toThrow(/"Alignment" needs an answer/);

    const key = crypto.randomUUID();
    const submitted = await rater.rating.submit.mutate({
      studyId,
      assignmentId: first.task.assignmentId,
      idempotencyKey: key,
      answers: answerAll,
      durationMs: 4200,
    });
    const retried = await rater.rating.submit.mutate({
      studyId,
      assignmentId: first.task.assignmentId,
      idempotencyKey: key,
      answers: answerAll,
      durationMs: 4200,
    });
    expect(retried).toMatchObject({ judgmentId: submitted.judgmentId, duplicate: true });
    expect(submitted.progress.done).toBe(1);
    expect(await app.db.judgment.count({ where: { studyId } })).toBe(1);
    await expect(
      rater.rating.submit.mutate({
        studyId,
        assignmentId: first.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: answerAll,
      }),
    ).rejects.toThrow(/already answered/);

    // The stored answer is in A/B orientation: "left" is A unless the pair was swapped.
    const stored = await app.db.judgment.findUniqueOrThrow({ where: { id: submitted.judgmentId } });
    expect((stored.answers as Record<string, string>).overall).toBe(stored.swapped ? "B" : "A");

    // Undo brings the task back with the answers given, and the count goes down.
    const undone = await rater.rating.undo.mutate({ studyId, judgmentId: submitted.judgmentId });
    expect(undone.task.assignmentId).toBe(first.task.assignmentId);
    expect(undone.task.previousAnswers).toEqual(answerAll);
    expect(undone.progress.done).toBe(0);
    await expect(rater.rating.undo.mutate({ studyId, judgmentId: submitted.judgmentId })).rejects.toThrow(
      /already undone/,
    );
    const resubmitted = await rater.rating.submit.mutate({
      studyId,
      assignmentId: first.task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      answers: { ...answerAll, overall: "right" },
    });
    expect(resubmitted.progress.done).toBe(1);
    // The first judgment row is still there (append-only), undone.
    expect(await app.db.judgment.count({ where: { studyId } })).toBe(2);
    await expect(
      app.db.$executeRawUnsafe(`UPDATE "Judgment" SET "durationMs" = 1 WHERE id = '${submitted.judgmentId}'`),
    ).rejects.toThrow(/append-only/);

    // Skip the prefetched one with a reason: another rater gets it, this one never again.
    if (prefetched.status !== "task") throw new Error("no prefetch");
    await rater.rating.skip.mutate({
      studyId,
      assignmentId: prefetched.task.assignmentId,
      reason: "media-broken",
    });
    const skipped = await app.db.assignment.findUniqueOrThrow({
      where: { id: prefetched.task.assignmentId },
    });
    expect(skipped).toMatchObject({ status: "skipped", skipReason: "media-broken" });

    let served = 2;
    for (;;) {
      const next = await rater.rating.next.mutate({ studyId });
      if (next.status === "done") {
        expect(next.completionCode).toMatch(/^[0-9A-F]{10}$/);
        expect(next.progress.done).toBe(9);
        break;
      }
      if (next.status !== "task") throw new Error(next.status);
      served++;
      await rater.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: answerAll,
      });
    }
    expect(served).toBe(10);
    // The skipped task is still open for someone else.
    const other = await raterClient(studyId);
    const otherTask = await other.rating.next.mutate({ studyId });
    expect(otherTask.status).toBe("task");
  });

  it("refuses a judgment after its lease expired and gives the slot back", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "lease", { overlap: 1 });
    const rater = await raterClient(studyId);
    const next = await rater.rating.next.mutate({ studyId });
    if (next.status !== "task") throw new Error(next.status);
    await app.db.assignment.update({
      where: { id: next.task.assignmentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      rater.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: answerAll,
      }),
    ).rejects.toThrow(/time ran out/);
    const assignment = await app.db.assignment.findUniqueOrThrow({
      where: { id: next.task.assignmentId },
      include: { task: true },
    });
    expect(assignment.status).toBe("expired");
    expect(assignment.task.activeCount).toBe(0);
    expect(await app.db.judgment.count({ where: { studyId } })).toBe(0);
  });

  it("lets nobody rate without an invite session, and refuses a capped or revoked invite", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "access");
    await expect(app.trpc().rating.next.mutate({ studyId })).rejects.toThrow(/invite link/);
    await expect(
      app.trpc(`${raterCookieName(studyId)}=forged`).rating.next.mutate({ studyId }),
    ).rejects.toThrow(/invite link/);

    const invite = await fx.owner.client.studies.createInvite.mutate({
      projectSlug: slug,
      studyId,
      maxRaters: 3,
      externalIdParam: "PROLIFIC_PID",
    });
    const token = invite.path.split("/")[2]!.split("?")[0]!;
    await expect(redeemInvite(app.db, token, new URLSearchParams())).rejects.toThrow(/PROLIFIC_PID/);
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        redeemInvite(app.db, token, new URLSearchParams({ PROLIFIC_PID: `worker-${i}` })),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(3);
    for (const a of attempts)
      if (a.status === "rejected") expect(String(a.reason)).toMatch(/reached its limit/);
    // The same worker id again is the same rater, not a new one past the cap.
    const joined = await app.db.rater.findMany({ where: { inviteId: invite.id } });
    expect(joined).toHaveLength(3);
    await redeemInvite(app.db, token, new URLSearchParams({ PROLIFIC_PID: joined[0]!.externalId! }));
    expect(await app.db.rater.count({ where: { inviteId: invite.id } })).toBe(3);

    await fx.owner.client.studies.revokeInvite.mutate({ projectSlug: slug, inviteId: invite.id });
    await expect(
      redeemInvite(app.db, token, new URLSearchParams({ PROLIFIC_PID: joined[0]!.externalId! })),
    ).rejects.toThrow(/not valid/);
  });
});

describe("blinding", () => {
  it("no rater-facing response contains a model name or any id of the study's models, outputs, assets or tasks", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "blind", { overlap: 1 });
    const rater = await raterClient(studyId);
    const responses: unknown[] = [await rater.rating.session.query({ studyId })];
    for (let i = 0; i < 4; i++) {
      const next = await rater.rating.next.mutate({ studyId });
      responses.push(next);
      if (next.status !== "task") break;
      const submitted = await rater.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: answerAll,
      });
      responses.push(submitted);
      if (i === 0)
        responses.push(await rater.rating.undo.mutate({ studyId, judgmentId: submitted.judgmentId }));
    }
    const text = JSON.stringify(responses);
    expect(text).toContain("/media/");
    const tasks = await app.db.studyTask.findMany({ where: { studyId } });
    const secrets = [
      ...fx.models.flatMap((m) => [m.name, m.id]),
      ...fx.outputs.map((o) => o.id),
      ...fx.assets.flatMap((a) => [a.id, a.sha256, a.thumbnailSha256!]),
      ...tasks.map((t) => t.id),
      fx.project.id,
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    // Model names do not appear in any casing or as a fragment of a word.
    for (const m of fx.models) expect(text.toLowerCase()).not.toContain(m.name.split("-")[0]!);
  });
});

describe("gold items and quality control", () => {
  it("measures gold accuracy, flags and excludes a careless rater, reversibly and logged", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "qc", {
      overlap: 3,
      goldRatio: 0.5,
      qualityControl: { minGoldAccuracy: 0.6, minGoldJudged: 2, minJudgments: 4, action: "exclude" },
    });
    const { tasks } = await fx.owner.client.studies.tasks.query({ projectSlug: slug, studyId, take: 3 });
    for (const t of tasks.slice(0, 3))
      await fx.owner.client.studies.setGold.mutate({
        projectSlug: slug,
        studyId,
        taskId: t.id,
        answers: { overall: "A" },
      });
    const goldIds = new Set(tasks.slice(0, 3).map((t) => t.id));

    // The careful rater answers gold right; the careless one always says "both bad".
    const careful = await raterClient(studyId);
    const careless = await raterClient(studyId);
    for (const [client, good] of [
      [careful, true],
      [careless, false],
    ] as const) {
      // Until done: every rater sees all 3 gold items and the 7 regular tasks once.
      for (;;) {
        const next = await client.rating.next.mutate({ studyId });
        if (next.status !== "task") break;
        const assignment = await app.db.assignment.findUniqueOrThrow({
          where: { id: next.task.assignmentId },
        });
        const wantLeft = !assignment.swapped; // gold expects A
        const overall = good
          ? goldIds.has(assignment.taskId)
            ? wantLeft
              ? "left"
              : "right"
            : "tie"
          : "both_bad";
        await client.rating.submit.mutate({
          studyId,
          assignmentId: next.task.assignmentId,
          idempotencyKey: crypto.randomUUID(),
          answers: { ...answerAll, overall },
          durationMs: 3000,
        });
      }
    }
    // Reading the monitor changes nothing: the careless rater is flagged, not yet excluded.
    const before = await fx.owner.client.studies.monitor.query({ projectSlug: slug, studyId });
    expect(before.raters.find((r) => r.goldAccuracy === 0)).toMatchObject({ excluded: false });
    expect(before.raters.find((r) => r.goldAccuracy === 0)!.flags.join()).toMatch(/gold accuracy 0% < 60%/);
    // The worker's results job applies the rule (as it does a few seconds after judgments arrive)
    // and leaves the excluded rater out of the results it computes right after.
    await refreshStudyResults(app.db, studyId);
    const monitor = await fx.owner.client.studies.monitor.query({ projectSlug: slug, studyId });
    const carelessRow = monitor.raters.find((r) => r.goldAccuracy === 0)!;
    const carefulRow = monitor.raters.find((r) => r.goldAccuracy === 1)!;
    expect(carelessRow.goldJudged).toBe(3);
    expect(carelessRow.judgments).toBe(10);
    expect(carelessRow.excluded).toBe(true);
    expect(carelessRow.excludedReason).toMatch(/^auto: gold accuracy 0% < 60%/);
    expect(carefulRow.excluded).toBe(false);
    expect(monitor.progress.judgments).toBeGreaterThan(0);
    expect(monitor.pairs.map((p) => `${p.modelA}/${p.modelB}`)).toContain("imagen-alpha/flux-beta");
    const stored = await app.db.studyResult.findUniqueOrThrow({ where: { studyId } });
    expect(stored.data).toMatchObject({ excludedRaters: 1, judgments: { byExcludedRaters: 10 } });

    // Judgments are kept; a researcher can take the rater back, and the automatic rule respects it.
    const kept = await app.db.judgment.count({ where: { raterId: carelessRow.id } });
    expect(kept).toBeGreaterThan(0);
    await fx.owner.client.studies.setRaterExcluded.mutate({
      projectSlug: slug,
      raterId: carelessRow.id,
      excluded: false,
      reason: "spoke to them",
    });
    const after = await fx.owner.client.studies.monitor.query({ projectSlug: slug, studyId });
    expect(after.raters.find((r) => r.id === carelessRow.id)).toMatchObject({
      excluded: false,
      excludedReason: "manual: spoke to them",
    });
    const log = await app.db.auditLog.findMany({
      where: { targetId: carelessRow.id },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => l.action)).toEqual(["rater.exclude", "rater.include"]);
  });
});

describe("adaptive plan", () => {
  it("gives more raters to the least certain pair once every task reached its overlap", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "adaptive", {
      overlap: 1,
      plan: { kind: "adaptive", maxOverlap: 2 },
    });
    const rater = await raterClient(studyId);
    for (;;) {
      const next = await rater.rating.next.mutate({ studyId });
      if (next.status !== "task") break;
      const a = await app.db.assignment.findUniqueOrThrow({
        where: { id: next.task.assignmentId },
        include: { task: { include: { prompt: true } } },
      });
      await rater.rating.submit.mutate({
        studyId,
        assignmentId: a.id,
        idempotencyKey: crypto.randomUUID(),
        answers: { ...answerAll, overall: a.swapped ? "right" : "left" },
      });
    }
    // Every judgment says A wins; no pair meets the default target width (0.2) with 3–4
    // judgments, and the planner picks exactly one pair to give a second rater per task.
    const second = await raterClient(studyId);
    const next = await second.rating.next.mutate({ studyId });
    expect(next.status).toBe("task");
    const raised = await app.db.studyTask.findMany({ where: { studyId, target: 2 } });
    expect(raised.length).toBeGreaterThan(0);
    const pairs = new Set(
      await Promise.all(
        raised.map(async (t) => {
          const [a, b] = await Promise.all([
            app.db.output.findUniqueOrThrow({ where: { id: t.outputAId } }),
            app.db.output.findUniqueOrThrow({ where: { id: t.outputBId! } }),
          ]);
          return `${a.modelId}|${b.modelId}`;
        }),
      ),
    );
    expect(pairs.size).toBe(1);
  });

  it("stops when every pair's interval already meets the target width", async () => {
    const { studyId } = await createAndLaunch(fx.owner.client, "adaptive, loose target", {
      overlap: 1,
      // A net win rate spans −1 … 1: an interval of width 2 is met before the first judgment.
      plan: { kind: "adaptive", maxOverlap: 3, targetWidth: 2 },
    });
    const rater = await raterClient(studyId);
    for (;;) {
      const next = await rater.rating.next.mutate({ studyId });
      if (next.status !== "task") break;
      await rater.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: answerAll,
      });
    }
    const second = await raterClient(studyId);
    expect((await second.rating.next.mutate({ studyId })).status).toBe("done");
    expect(await app.db.studyTask.count({ where: { studyId, target: { gt: 1 } } })).toBe(0);
  });
});
