/**
 * Safety reviews through the tRPC API on a real database: the versioned policy, launch with
 * pre-screening, the reviewer's loop on the assignment engine, consensus and escalation, the
 * senior's final decision, the report's numbers, the audit log, and refusals for bad input.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRevealToken } from "@loupe/api/safety";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";
import { errorOf } from "./support/trpc-error";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
const slug = "safety";
type User = Awaited<ReturnType<TestApp["userWithSession"]>>;
let rev1: User, rev2: User, rev3: User, senior: User;

async function member(email: string, role: "rater" | "reviewer" | "curator" | "researcher" | "owner") {
  const user = await app.userWithSession(email);
  await fx.owner.client.members.add.mutate({ projectSlug: slug, email, role });
  return user;
}

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, { slug, models: ["model-a", "model-b"], prompts: 4 });
  rev1 = await member("rev1@example.test", "reviewer");
  rev2 = await member("rev2@example.test", "reviewer");
  rev3 = await member("rev3@example.test", "reviewer");
  senior = await member("senior@example.test", "reviewer");
});
afterAll(() => app?.close());

async function createSafetyStudy(name: string, config: Record<string, unknown> = {}) {
  const study = await fx.owner.client.studies.create.mutate({
    projectSlug: slug,
    name,
    config: {
      kind: "safety",
      modelIds: fx.models.map((m) => m.id),
      promptSetIds: [fx.set.id],
      reviewerUserIds: [rev1.id, rev2.id, rev3.id],
      seniorReviewerUserIds: [senior.id],
      overlap: 3,
      ...config,
    },
  });
  const report = await fx.owner.client.studies.launch.mutate({ projectSlug: slug, studyId: study.id });
  return { studyId: study.id, report };
}

type Answers = { labels: string[]; severity: string | null; representation?: Record<string, string> };

/** Reviews every item the reviewer is served; `decide` sees the output under review (the test knows it; the reviewer does not). */
async function reviewAll(
  user: User,
  studyId: string,
  decide: (output: { id: string; model: string; prompt: number }) => Answers,
) {
  const served: string[] = [];
  for (;;) {
    const next = await user.client.safety.next.mutate({ studyId });
    if (next.status !== "item") return served;
    const assignment = await app.db.assignment.findUniqueOrThrow({
      where: { id: next.item.assignmentId },
      include: { task: { include: { outputA: { include: { model: true, prompt: true } } } } },
    });
    const output = assignment.task.outputA;
    served.push(output.id);
    await user.client.safety.submit.mutate({
      studyId,
      assignmentId: next.item.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      answers: decide({ id: output.id, model: output.model.name, prompt: output.prompt.position + 1 }),
    });
  }
}

const clean: Answers = { labels: [], severity: null };
const auditCount = (action: string, actorUserId?: string) =>
  app.db.auditLog.count({ where: { action, ...(actorUserId ? { actorUserId } : {}) } });

describe("the policy taxonomy", () => {
  it("starts from the default and versions every edit", async () => {
    const v1 = await rev1.client.safety.policy.query({ projectSlug: slug });
    expect(v1.version).toBe(1);
    expect(v1.categories.map((c) => c.id)).toEqual([
      "sexual",
      "violence",
      "hate",
      "harassment",
      "self_harm",
      "minors",
      "dangerous",
      "personal_data",
      "ip_trademark",
      "misinformation",
    ]);
    expect(v1.severities.map((s) => s.id)).toEqual(["low", "medium", "high"]);
    // Reviewers read the policy; they cannot edit it.
    const e = await errorOf(
      rev1.client.safety.updatePolicy.mutate({ projectSlug: slug, baseVersion: 1, ...v1 }),
    );
    expect(e.code).toBe("FORBIDDEN");
  });

  it("refuses an edit based on an older version, and bad categories", async () => {
    const v1 = await fx.owner.client.safety.policy.query({ projectSlug: slug });
    const stale = await errorOf(
      fx.owner.client.safety.updatePolicy.mutate({ projectSlug: slug, baseVersion: 7, ...v1 }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT" });
    const dup = await errorOf(
      fx.owner.client.safety.updatePolicy.mutate({
        projectSlug: slug,
        baseVersion: 1,
        categories: [...v1.categories, v1.categories[0]!],
        severities: v1.severities,
      }),
    );
    expect(dup.code).toBe("BAD_REQUEST");
    expect(dup.message).toMatch(/category ids must be unique/);
  });
});

describe("a running study keeps its policy version", () => {
  it("reviews against the version it was created with; edits and labels outside it are refused and logged", async () => {
    const { studyId } = await createSafetyStudy("keeps v1", { overlap: 1 });
    const before = await fx.owner.client.safety.policy.query({ projectSlug: slug });
    const saved = await fx.owner.client.safety.updatePolicy.mutate({
      projectSlug: slug,
      baseVersion: before.version,
      note: "add deepfakes",
      categories: [...before.categories, { id: "deepfakes", label: "Deepfakes", guidance: "" }],
      severities: before.severities,
    });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.runningStudies).toContainEqual({ name: "keeps v1", policyVersion: before.version });

    const session = await rev1.client.safety.session.query({ studyId });
    expect(session.policy.version).toBe(before.version);
    expect(session.policy.categories.map((c) => c.id)).not.toContain("deepfakes");

    const next = await rev1.client.safety.next.mutate({ studyId });
    if (next.status !== "item") throw new Error("expected an item");
    const refusedBefore = await auditCount("safety.review.refused", rev1.id);
    const e = await errorOf(
      rev1.client.safety.submit.mutate({
        studyId,
        assignmentId: next.item.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: { labels: ["deepfakes"], severity: "low" },
      }),
    );
    expect(e).toMatchObject({ code: "BAD_REQUEST" });
    expect(e.message).toMatch(/"deepfakes" is not a category of the policy \(version 1\)/);
    expect(await auditCount("safety.review.refused", rev1.id)).toBe(refusedBefore + 1);
    // Nothing was recorded.
    expect(await app.db.judgment.count({ where: { studyId } })).toBe(0);

    // Moving the running study to the new version is refused, and the attempt is logged.
    const study = await fx.owner.client.studies.get.query({ projectSlug: slug, studyId });
    const move = await errorOf(
      fx.owner.client.studies.update.mutate({
        projectSlug: slug,
        studyId,
        config: { ...(study.config as { kind: "safety" }), policyVersion: saved.version },
      }),
    );
    expect(move.code).toBe("BAD_REQUEST");
    expect(
      await app.db.auditLog.count({ where: { action: "study.update.refused", targetId: studyId } }),
    ).toBe(1);

    // A study created now records the new version.
    const fresh = await createSafetyStudy("on v2", { overlap: 1 });
    const freshSession = await rev1.client.safety.session.query({ studyId: fresh.studyId });
    expect(freshSession.policy.version).toBe(saved.version);
  });
});

describe("launch", () => {
  it("makes one review item per output and refuses a study nobody can finish", async () => {
    const { report } = await createSafetyStudy("all outputs", { overlap: 2 });
    expect(report).toMatchObject({ tasks: 8, prompts: 4, prescreened: 0 });
    const tooFew = await fx.owner.client.studies.create.mutate({
      projectSlug: slug,
      name: "too few",
      config: {
        kind: "safety",
        modelIds: [fx.models[0]!.id],
        promptSetIds: [fx.set.id],
        reviewerUserIds: [rev1.id],
        seniorReviewerUserIds: [senior.id],
        overlap: 3,
      },
    });
    const e = await errorOf(fx.owner.client.studies.launch.mutate({ projectSlug: slug, studyId: tooFew.id }));
    expect(e.message).toMatch(/needs 3 reviewers but the study has 2/);
  });

  it("refuses a pairwise rater as a reviewer", async () => {
    const rater = await member("just-a-rater@example.test", "rater");
    const e = await errorOf(
      fx.owner.client.studies.create.mutate({
        projectSlug: slug,
        name: "with a rater",
        config: { kind: "safety", reviewerUserIds: [rater.id] },
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/has the rater role; safety reviews need the reviewer role/);
  });

  it("pre-screening serves likely violations first, and still needs every review", async () => {
    const run = await app.db.evaluationRun.create({
      data: {
        projectId: fx.project.id,
        scope: "prompt-set",
        scopeId: fx.set.id,
        config: {},
        total: 8,
        chunkSize: 8,
        chunkCount: 1,
        status: "done",
      },
    });
    // Scores for six of the eight outputs; the two unscored come last.
    const scored = fx.outputs.slice(0, 6);
    await app.db.metricValue.createMany({
      data: scored.map((o, i) => ({ runId: run.id, metric: "nsfw", outputId: o.id, value: i / 10 })),
    });
    const { studyId, report } = await createSafetyStudy("prescreened", {
      overlap: 1,
      reviewerUserIds: [rev1.id],
      prescreen: { runId: run.id, metric: "nsfw", order: "high-first" },
    });
    expect(report).toMatchObject({ tasks: 8, prescreened: 6 });
    const served = await reviewAll(rev1, studyId, () => clean);
    expect(served.slice(0, 6)).toEqual([...scored].reverse().map((o) => o.id));
    expect(new Set(served.slice(6))).toEqual(new Set(fx.outputs.slice(6).map((o) => o.id)));
    // Every item was reviewed by a person; the score decided nothing.
    expect(await app.db.judgment.count({ where: { studyId } })).toBe(8);

    const missing = await errorOf(
      fx.owner.client.studies.create.mutate({
        projectSlug: slug,
        name: "bad metric",
        config: { kind: "safety", prescreen: { runId: run.id, metric: "ocr_text_area" } },
      }),
    );
    expect(missing.message).toMatch(/has no "ocr_text_area" scores/);
  });
});

describe("reviewing, consensus, escalation and the report", () => {
  let studyId: string;
  /** The plan: model-a 1–4 and model-b 1–4, as reviewer 1, 2 and 3 label them. */
  const plan: Record<string, [Answers, Answers, Answers]> = {
    "model-a:1": [
      { labels: ["violence"], severity: "medium" },
      { labels: ["violence"], severity: "medium" },
      { labels: ["violence"], severity: "medium" },
    ],
    "model-a:2": [
      { labels: ["violence"], severity: "low" },
      { labels: ["violence"], severity: "low" },
      clean,
    ],
    "model-a:3": [clean, clean, clean],
    "model-a:4": [
      { labels: ["sexual"], severity: "high" },
      { labels: ["sexual"], severity: "medium" },
      { labels: ["sexual"], severity: "medium" },
    ],
    "model-b:1": [clean, clean, clean],
    "model-b:2": [clean, clean, clean],
    "model-b:3": [
      { labels: ["hate"], severity: "low" },
      { labels: ["sexual"], severity: "low" },
      { labels: ["violence"], severity: "low" },
    ],
    "model-b:4": [clean, clean, { labels: ["hate"], severity: "medium" }],
  };
  const taskOf = async (model: string, prompt: number) =>
    app.db.studyTask.findFirstOrThrow({
      where: { studyId, outputA: { model: { name: model }, prompt: { position: prompt - 1 } } },
    });

  beforeAll(async () => {
    ({ studyId } = await createSafetyStudy("consensus"));
  });

  it("serves each reviewer every item once, blind, and records each decision in the audit log", async () => {
    const first = await rev1.client.safety.next.mutate({ studyId });
    const session = await rev1.client.safety.session.query({ studyId });
    const seen = JSON.stringify({ first, session });
    for (const m of fx.models) {
      expect(seen).not.toContain(m.name);
      expect(seen).not.toContain(m.id);
    }
    for (const o of fx.outputs) expect(seen).not.toContain(o.id);
    for (const a of fx.assets) expect(seen).not.toContain(a.sha256);

    for (const [n, user] of [rev1, rev2, rev3].entries()) {
      const served = await reviewAll(user, studyId, (o) => plan[`${o.model}:${o.prompt}`]![n]!);
      expect(served).toHaveLength(8);
    }
    expect(await app.db.judgment.count({ where: { studyId } })).toBe(24);
    expect(
      await app.db.auditLog.count({
        where: { action: "safety.review", data: { path: ["studyId"], equals: studyId } },
      }),
    ).toBe(24);
  });

  it("a retried submission is stored once", async () => {
    const { studyId: retryStudy } = await createSafetyStudy("retry", { overlap: 1 });
    const next = await rev2.client.safety.next.mutate({ studyId: retryStudy });
    if (next.status !== "item") throw new Error("expected an item");
    const submission = {
      studyId: retryStudy,
      assignmentId: next.item.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      answers: clean,
    };
    const a = await rev2.client.safety.submit.mutate(submission);
    const b = await rev2.client.safety.submit.mutate(submission);
    expect(b).toMatchObject({ judgmentId: a.judgmentId, duplicate: true });
    expect(await app.db.judgment.count({ where: { studyId: retryStudy } })).toBe(1);
  });

  it("decides by majority, escalates disagreement and high severity, and reports only decided items", async () => {
    const { report } = await fx.owner.client.safety.report.query({ projectSlug: slug, studyId });
    expect(report.items).toEqual({ total: 8, decided: 6, bySenior: 0, escalatedOpen: 2, pending: 0 });
    const a = report.models.find((m) => m.name === "model-a")!;
    const b = report.models.find((m) => m.name === "model-b")!;
    // model-a: 1 and 2 violate (violence), 3 is clean, 4 is escalated → 2 of 3 decided.
    expect(a.violating).toMatchObject({ count: 2, n: 3 });
    // Wilson 95% for 2/3 (statsmodels proportion_confint(2, 3, method="wilson")): 0.2077–0.9385.
    expect(a.violating.interval[0]).toBeCloseTo(0.2077, 4);
    expect(a.violating.interval[1]).toBeCloseTo(0.9385, 4);
    expect(a.categories.violence).toMatchObject({ count: 2, n: 3 });
    expect(a.severities).toEqual({ low: 1, medium: 1, high: 0 });
    // model-b: 3 is escalated (violating by majority, no category by majority); 4 is clean 2–1.
    expect(b.violating).toMatchObject({ count: 0, n: 3 });
    // Krippendorff's α on the verdict, by hand from the coincidence matrix: o_vv = o_nn = 10,
    // o_vn = o_nv = 2, n = 24 → α = 1 − (4/24) / (2·12·12 / (24·23)) = 49/72.
    expect(report.agreement.verdict.alpha).toBeCloseTo(49 / 72, 10);
    expect(report.agreement.verdict.items).toBe(8);
    // With its bootstrap interval over items, which holds the estimate.
    const [low, high] = report.agreement.verdict.interval!;
    expect(low).toBeLessThan(49 / 72);
    expect(high).toBeGreaterThan(49 / 72);
    expect(high).toBeLessThanOrEqual(1);
  });

  it("sends escalations to the senior reviewer only, whose decision is final and changes the report", async () => {
    const notSenior = await errorOf(rev1.client.safety.escalations.query({ studyId }));
    expect(notSenior.code).toBe("FORBIDDEN");

    const queue = await senior.client.safety.escalations.query({ studyId });
    const a4 = await taskOf("model-a", 4);
    const b3 = await taskOf("model-b", 3);
    expect(queue.items.map((i) => i.taskId).sort()).toEqual([a4.id, b3.id].sort());
    const a4Item = queue.items.find((i) => i.taskId === a4.id)!;
    expect(a4Item.reasons).toEqual(["severity"]);
    expect(a4Item.reviews.map((r) => r.severity)).toEqual(["high", "medium", "medium"]);
    expect(queue.items.find((i) => i.taskId === b3.id)!.reasons).toEqual(["disagreement"]);
    expect(JSON.stringify(queue)).not.toContain("model-a");

    // Not escalated, or a label outside the policy: refused and logged.
    const a1 = await taskOf("model-a", 1);
    const refusedBefore = await auditCount("safety.escalation.refused", senior.id);
    const notEscalated = await errorOf(
      senior.client.safety.resolve.mutate({ studyId, taskId: a1.id, labels: [], reason: "fine" }),
    );
    expect(notEscalated.message).toMatch(/not escalated/);
    const badLabel = await errorOf(
      senior.client.safety.resolve.mutate({
        studyId,
        taskId: a4.id,
        labels: ["nudity"],
        severity: "high",
        reason: "x-rated",
      }),
    );
    expect(badLabel.message).toMatch(/"nudity" is not a category/);
    expect(await auditCount("safety.escalation.refused", senior.id)).toBe(refusedBefore + 2);

    await senior.client.safety.resolve.mutate({
      studyId,
      taskId: a4.id,
      labels: ["sexual"],
      severity: "high",
      reason: "Explicit nudity; policy 1.2.",
    });
    await senior.client.safety.resolve.mutate({
      studyId,
      taskId: b3.id,
      labels: [],
      reason: "Staged historical scene; no category applies.",
    });
    const again = await errorOf(
      senior.client.safety.resolve.mutate({ studyId, taskId: a4.id, labels: [], reason: "changed my mind" }),
    );
    expect(again).toMatchObject({ code: "CONFLICT" });
    expect(again.message).toMatch(/final/);
    expect((await senior.client.safety.escalations.query({ studyId })).items).toEqual([]);

    const { report, csv } = await fx.owner.client.safety.report.query({ projectSlug: slug, studyId });
    expect(report.items).toEqual({ total: 8, decided: 8, bySenior: 2, escalatedOpen: 0, pending: 0 });
    const a = report.models.find((m) => m.name === "model-a")!;
    expect(a.violating).toMatchObject({ count: 3, n: 4 });
    expect(a.categories.sexual).toMatchObject({ count: 1, n: 4 });
    expect(a.severities).toEqual({ low: 1, medium: 1, high: 1 });
    expect(report.models.find((m) => m.name === "model-b")!.violating).toMatchObject({ count: 0, n: 4 });
    const [comparison] = report.comparisons;
    expect(comparison).toMatchObject({
      modelA: "model-a",
      modelB: "model-b",
      nA: 4,
      nB: 4,
      difference: 0.75,
    });
    expect(comparison!.interval[0]).toBeGreaterThan(0);
    expect(csv.split("\r\n")[0]).toBe("model,category,violating_items,decided_items,rate,ci95_low,ci95_high");
    expect(csv).toContain("model-a,any,3,4,0.75,");

    // The same report for scripts, over REST with a researcher's API key.
    const { key } = await fx.owner.client.apiKeys.create.mutate({
      projectSlug: slug,
      name: "r",
      role: "researcher",
    });
    const rest = await app.rest(`/projects/${slug}/studies/${studyId}/safety-report?format=csv`, { key });
    expect(rest.status).toBe(200);
    expect(rest.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await rest.text()).toBe(csv);
    const restJson = (await (
      await app.rest(`/projects/${slug}/studies/${studyId}/safety-report`, { key })
    ).json()) as {
      report: { items: unknown };
    };
    expect(restJson.report.items).toEqual(report.items);

    const resolution = await app.db.auditLog.findFirstOrThrow({
      where: { action: "safety.escalation.resolve", targetId: a4.id },
    });
    expect(resolution).toMatchObject({ actorUserId: senior.id });
    expect(resolution.data).toMatchObject({ reason: "Explicit nudity; policy 1.2.", labels: ["sexual"] });
  });

  it("the audit trail lists the study's decisions with who and when", async () => {
    const trail = await fx.owner.client.safety.auditTrail.query({ projectSlug: slug, studyId, take: 200 });
    const actions = new Set(trail.entries.map((e) => e.action));
    for (const a of [
      "study.launch",
      "safety.review",
      "safety.escalation.resolve",
      "safety.escalation.refused",
    ])
      expect(actions).toContain(a);
    expect(trail.entries.find((e) => e.action === "safety.escalation.resolve")!.actor).toBe(
      "senior@example.test",
    );
  });
});

describe("refusals", () => {
  it("a decision on someone else's item, an expired or forged reveal link: refused and logged", async () => {
    const { studyId } = await createSafetyStudy("refusals", { overlap: 2 });
    const mine = await rev1.client.safety.next.mutate({ studyId });
    if (mine.status !== "item") throw new Error("expected an item");

    const before = await auditCount("safety.review.refused", rev2.id);
    const e = await errorOf(
      rev2.client.safety.submit.mutate({
        studyId,
        assignmentId: mine.item.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: clean,
      }),
    );
    expect(e).toMatchObject({ code: "NOT_FOUND", message: "No such item for you." });
    expect(await auditCount("safety.review.refused", rev2.id)).toBe(before + 1);

    // The reviewer's own token reveals the media (logged), under a short-lived URL.
    const revealed = await rev1.client.safety.reveal.mutate({ studyId, token: mine.item.revealToken });
    expect(revealed.url).toMatch(/^\/media\//);
    expect(revealed.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(await auditCount("safety.reveal", rev1.id)).toBeGreaterThan(0);

    const refusedBefore = await auditCount("safety.reveal.refused");
    const expired = createRevealToken(
      app.runtime.secret,
      mine.item.assignmentId,
      new Date(Date.now() - 1000),
    );
    const late = await errorOf(rev1.client.safety.reveal.mutate({ studyId, token: expired }));
    expect(late).toMatchObject({ code: "FORBIDDEN" });
    expect(late.message).toMatch(/expired/);
    // Another reviewer cannot use this reviewer's token, and a forged one is refused.
    const stolen = await errorOf(rev2.client.safety.reveal.mutate({ studyId, token: mine.item.revealToken }));
    expect(stolen.code).toBe("FORBIDDEN");
    const forged = createRevealToken(
      "not-the-app-secret-not-the-app-secret",
      mine.item.assignmentId,
      new Date(Date.now() + 60_000),
    );
    expect((await errorOf(rev1.client.safety.reveal.mutate({ studyId, token: forged }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await auditCount("safety.reveal.refused")).toBe(refusedBefore + 3);
    const expiredRow = await app.db.auditLog.findFirstOrThrow({
      where: { action: "safety.reveal.refused", actorUserId: rev1.id },
      orderBy: { id: "asc" },
    });
    expect(expiredRow.data).toMatchObject({ reason: "expired", studyId });
  });

  it("answers that break the rules: severity without a label, a label without a severity", async () => {
    const { studyId } = await createSafetyStudy("rules", { overlap: 1 });
    const next = await rev3.client.safety.next.mutate({ studyId });
    if (next.status !== "item") throw new Error("expected an item");
    const submit = (answers: Answers) =>
      errorOf(
        rev3.client.safety.submit.mutate({
          studyId,
          assignmentId: next.item.assignmentId,
          idempotencyKey: crypto.randomUUID(),
          answers,
        }),
      );
    expect((await submit({ labels: ["violence"], severity: null })).message).toMatch(/Choose a severity/);
    expect((await submit({ labels: [], severity: "high" })).message).toMatch(/needs at least one category/);
    expect((await submit({ labels: ["violence"], severity: "extreme" })).message).toMatch(/not a severity/);
  });

  it("no API can change or remove audit rows or a senior's decision; the database refuses it too", async () => {
    const procedures = Object.keys((await import("@loupe/api")).appRouter._def.procedures);
    // curationAudits.* are human audits of curation filters (their own tables), not the audit log.
    const auditLogProcedures = procedures.filter((p) => /audit/i.test(p) && !p.startsWith("curationAudits."));
    expect(auditLogProcedures).toEqual(["safety.auditTrail"]);
    const row = await app.db.auditLog.findFirstOrThrow({ where: { action: "safety.review" } });
    await expect(
      app.db.$executeRaw`UPDATE "AuditLog" SET action = 'tampered' WHERE id = ${row.id}`,
    ).rejects.toThrow(/append-only/);
    await expect(app.db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${row.id}`).rejects.toThrow(
      /append-only/,
    );
    const resolution = await app.db.safetyResolution.findFirstOrThrow();
    await expect(
      app.db.$executeRaw`UPDATE "SafetyResolution" SET reason = 'edited' WHERE id = ${resolution.id}`,
    ).rejects.toThrow(/append-only/);
  });
});

describe("representation audit", () => {
  it("asks audited prompts only, requires every attribute, and reports the distribution per model", async () => {
    await app.db.prompt.updateMany({
      where: { promptSetId: fx.set.id, position: { in: [0, 1] } },
      data: { tags: ["demo", "underspecified"] },
    });
    const { studyId } = await createSafetyStudy("representation", {
      overlap: 1,
      reviewerUserIds: [rev1.id],
      representation: {
        attributes: [{ id: "gender", label: "Perceived gender", values: ["woman", "man", "non-binary"] }],
        promptTags: ["underspecified"],
      },
    });
    const first = await rev1.client.safety.next.mutate({ studyId });
    if (first.status !== "item") throw new Error("expected an item");
    // An audited item needs every attribute; any other item refuses the question.
    const refused = await errorOf(
      rev1.client.safety.submit.mutate({
        studyId,
        assignmentId: first.item.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: first.item.audited ? clean : { ...clean, representation: { gender: "woman" } },
      }),
    );
    expect(refused.message).toMatch(
      first.item.audited ? /"Perceived gender" needs an answer/ : /"gender" is not a representation question/,
    );

    await reviewAll(rev1, studyId, (o) =>
      o.prompt <= 2
        ? {
            ...clean,
            representation: { gender: o.model === "model-a" ? "woman" : o.prompt === 1 ? "man" : "unsure" },
          }
        : clean,
    );
    const { report } = await fx.owner.client.safety.report.query({ projectSlug: slug, studyId });
    const gender = report.representation!.attributes[0]!;
    expect(gender.values).toEqual(["woman", "man", "non-binary", "unsure"]);
    const a = gender.models.find((m) => m.name === "model-a")!;
    const b = gender.models.find((m) => m.name === "model-b")!;
    expect(a.reviews).toBe(2);
    expect(a.values.woman).toMatchObject({ count: 2, n: 2, rate: 1 });
    expect(b.values.man).toMatchObject({ count: 1, n: 2 });
    expect(b.values.unsure).toMatchObject({ count: 1, n: 2 });
  });
});
