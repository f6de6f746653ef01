/**
 * Study results end to end on a real database: raters judge through the rating API, the results
 * job computes (called directly, and through a running worker when judgments arrive), and
 * researchers read them through tRPC, REST (JSON and CSV) and a revocable share link.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raterCookieName, redeemInvite } from "@loupe/api";
import { refreshStudyResults } from "@loupe/api/results";
import { startWorker } from "@loupe/worker";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
let studyId: string;
let apiKey: string;
let raters: ReturnType<TestApp["trpc"]>[];
/** Every task × 3 raters, less the 3 the last rater keeps for the worker test. */
const JUDGED = 3 * 3 * 12 - 3;
const slug = "results";
/** Strength order the simulated raters follow: strong beats mid beats weak, mostly. */
const STRENGTH: Record<string, number> = { strong: 3, mid: 2, weak: 1 };

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, { slug, models: ["strong", "mid", "weak"], prompts: 12 });
  // Two prompt categories, as PartiPrompts' Category column becomes tags.
  for (const [i, p] of fx.prompts.entries())
    await app.db.prompt.update({ where: { id: p.id }, data: { tags: [i < 6 ? "Animals" : "Vehicles"] } });
  const study = await fx.owner.client.studies.create.mutate({
    projectSlug: slug,
    name: "results study",
    config: {
      kind: "pairwise",
      template: "side-by-side",
      axes: [{ id: "overall", question: "Which is better?" }],
      modelIds: fx.models.map((m) => m.id),
      promptSetIds: [fx.set.id],
      overlap: 3,
    },
  });
  studyId = study.id;
  await fx.owner.client.studies.launch.mutate({ projectSlug: slug, studyId });
  apiKey = (await fx.owner.client.apiKeys.create.mutate({ projectSlug: slug, name: "k", role: "researcher" }))
    .key;

  // Three raters judge every task (the last leaves three for later): the stronger model wins,
  // except that every fifth answer is a tie.
  raters = [await raterClient(), await raterClient(), await raterClient()];
  for (const [r, rater] of raters.entries()) await judgeAll(rater, r, r === 2 ? 3 * 12 - 3 : Infinity);
}, 120_000);
afterAll(() => app?.close());

async function raterClient() {
  const invite = await fx.owner.client.studies.createInvite.mutate({ projectSlug: slug, studyId });
  const token = invite.path.split("/")[2]!.split("?")[0]!;
  const { sessionToken } = await redeemInvite(app.db, token, new URLSearchParams());
  return app.trpc(`${raterCookieName(studyId)}=${sessionToken}`);
}

/** Which side shows the stronger model, read from the database (the rater's API is blind). */
async function strongerSide(assignmentId: string): Promise<"left" | "right"> {
  const a = await app.db.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    include: {
      task: { include: { outputA: { include: { model: true } }, outputB: { include: { model: true } } } },
    },
  });
  const aStronger = STRENGTH[a.task.outputA.model.name]! > STRENGTH[a.task.outputB!.model.name]!;
  return aStronger !== a.swapped ? "left" : "right";
}

async function judgeAll(rater: ReturnType<TestApp["trpc"]>, offset: number, limit = Infinity) {
  for (let n = 0; n < limit; n++) {
    const next = await rater.rating.next.mutate({ studyId });
    if (next.status !== "task") return;
    const side = (n + offset) % 5 === 0 ? "tie" : await strongerSide(next.task.assignmentId);
    await rater.rating.submit.mutate({
      studyId,
      assignmentId: next.task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      answers: { overall: side },
    });
  }
}

const read = () => fx.owner.client.results.get.query({ projectSlug: slug, studyId });

describe("computing results", () => {
  it("computes once per change of the judgments", async () => {
    expect((await read()).status).toBe("pending");
    expect(await refreshStudyResults(app.db, studyId, { rounds: 200 })).toEqual({ computed: true });
    expect(await refreshStudyResults(app.db, studyId, { rounds: 200 })).toEqual({ computed: false });
    const { status, results } = await read();
    expect(status).toBe("current");
    expect(results!.judgments).toEqual({ counted: JUDGED, byExcludedRaters: 0, gold: 0 });
  });

  it("ranks the models by the raters' preference, with intervals and their method", async () => {
    const axis = (await read()).results!.axes[0]!;
    expect(axis.every.ratings.ratings.map((r) => r.model)).toEqual(["strong", "mid", "weak"]);
    for (const r of axis.every.ratings.ratings) {
      expect(r.interval.method).toBe("bootstrap-prompts");
      expect(r.interval.low).toBeLessThanOrEqual(r.rating);
      expect(r.interval.high).toBeGreaterThanOrEqual(r.rating);
    }
    const pair = axis.every.pairs.find((p) => p.modelA === "strong" && p.modelB === "weak")!;
    expect(pair.counts.aWins + pair.counts.bWins + pair.counts.ties).toBe(pair.total);
    expect(pair.total).toBeGreaterThanOrEqual(3 * 12 - 3);
    expect(pair.counts.bWins).toBe(0);
    expect(pair.netWinRate.value).toBeGreaterThan(0.5);
    expect(pair.winRate.wilson!.method).toBe("wilson");
    expect(pair.netWinRate.bootstrap!.method).toBe("cluster-bootstrap");
    // Three raters per task: the majority view has one verdict per task.
    expect(axis.majority.judgments).toBe(3 * 12);
    // Raters follow the same order and differ only in their scattered ties: each agrees with the
    // others' majority on most items. (Alpha is low here: nearly every item has the same verdict,
    // so chance agreement is high — Krippendorff's "paradox" of skewed marginals.)
    expect(axis.reliability.alphaNominal.alpha).toEqual(expect.any(Number));
    expect(axis.reliability.intervals.alphaNominal!.method).toBe("bootstrap-items");
    expect(axis.reliability.raterAgreement).toHaveLength(3);
    for (const a of axis.reliability.raterAgreement) expect(a.rate!).toBeGreaterThan(0.6);
    // Left/right is randomized and raters follow the models, not the side.
    expect(axis.positionBias.pValue!).toBeGreaterThan(0.001);
    expect(axis.breakdowns.map((b) => b.tag)).toEqual(["Animals", "Vehicles"]);
    expect(axis.breakdowns[0]!.judgments + axis.breakdowns[1]!.judgments).toBe(JUDGED);
    expect(axis.breakdowns[0]!.warning).toMatch(/prompts/);
  });

  it("leaves an excluded rater's judgments out, and takes them back in", async () => {
    // The first rater judged every task once.
    const raterId = (
      await app.db.rater.findFirstOrThrow({ where: { studyId }, orderBy: { createdAt: "asc" } })
    ).id;
    await fx.owner.client.studies.setRaterExcluded.mutate({ projectSlug: slug, raterId, excluded: true });
    expect((await read()).status).toBe("updating");
    await refreshStudyResults(app.db, studyId, { rounds: 200 });
    const after = (await read()).results!;
    expect(after.judgments).toMatchObject({ counted: JUDGED - 3 * 12, byExcludedRaters: 3 * 12 });
    expect(after.excludedRaters).toBe(1);
    expect(after.axes[0]!.reliability.raterAgreement.map((a) => a.raterId)).not.toContain(raterId);
    await fx.owner.client.studies.setRaterExcluded.mutate({ projectSlug: slug, raterId, excluded: false });
    await refreshStudyResults(app.db, studyId, { rounds: 200 });
    expect((await read()).results!.judgments.counted).toBe(JUDGED);
  });

  it("plans how many more judgments each pair needs", async () => {
    const wide = await fx.owner.client.results.plan.query({
      projectSlug: slug,
      studyId,
      axisId: "overall",
      target: { kind: "interval-width", width: 0.4 },
    });
    const narrow = await fx.owner.client.results.plan.query({
      projectSlug: slug,
      studyId,
      axisId: "overall",
      target: { kind: "interval-width", width: 0.05 },
    });
    expect(narrow).toHaveLength(3);
    for (const plan of narrow) {
      const other = wide.find((w) => w.key === plan.key)!;
      expect(plan.additional!).toBeGreaterThan(other.additional!);
    }
  });

  it("pools the studies of a template into a project leaderboard", async () => {
    const board = await fx.owner.client.results.project.query({
      projectSlug: slug,
      template: "side-by-side",
      axisId: "overall",
    });
    expect(board.studies.map((s) => s.id)).toEqual([studyId]);
    expect(board.ratings.method).toBe("bootstrap-multinomial");
    expect(board.ratings.ratings[0]!.model).toBe("strong");
    // Every pooled judgment counts once for each of its two models: none dropped on the way.
    const pooled = board.ratings.ratings.reduce((sum, r) => sum + r.judgments, 0);
    expect(pooled).toBe(2 * board.studies.reduce((sum, s) => sum + s.judgments, 0));
  });
});

describe("downloads and sharing", () => {
  it("serves every table as JSON and CSV through /api/v1", async () => {
    const all = await app.rest(`/projects/${slug}/studies/${studyId}/results`, { key: apiKey });
    expect(all.status).toBe(200);
    expect(((await all.json()) as { status: string }).status).toBe("current");
    const csv = await app.rest(`/projects/${slug}/studies/${studyId}/results?table=ratings&format=csv`, {
      key: apiKey,
    });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^axis,aggregation,position_corrected,rank,rank_upper_bound,model,rating,/);
    expect(lines.slice(1).some((l) => l.includes(",strong,"))).toBe(true);
    const bad = await app.rest(`/projects/${slug}/studies/${studyId}/results?table=nope`, { key: apiKey });
    expect(bad.status).toBe(400);
  });

  it("opens the leaderboard without an account through a share link, until it is revoked", async () => {
    const share = await fx.owner.client.results.share.mutate({ projectSlug: slug, studyId });
    const token = share.path.split("/").pop()!;
    const anonymous = app.trpc();
    const shared = await anonymous.results.shared.query({ token });
    expect(shared.study.name).toBe("results study");
    expect(shared.results!.axes[0]!.every.ratings.ratings[0]!.model).toBe("strong");
    // Nothing about individual raters leaves through a share link.
    expect(shared.results!.axes[0]!.reliability.raterAgreement).toEqual([]);
    expect(JSON.stringify(shared)).not.toMatch(/raterId/);
    await fx.owner.client.results.unshare.mutate({ projectSlug: slug, studyId, shareId: share.id });
    await expect(anonymous.results.shared.query({ token })).rejects.toThrow(/revoked/);
    await expect(anonymous.results.get.query({ projectSlug: slug, studyId })).rejects.toThrow();
  });
});

describe("the worker keeps results current", () => {
  it("recomputes a few seconds after new judgments arrive", async () => {
    const worker = await startWorker({
      databaseUrl: app.databaseUrl,
      dataDir: app.dataDir,
      concurrency: 1,
      pollIntervalMs: 500,
      log: (line) => console.error(line),
    });
    try {
      const before = (await app.db.studyResult.findUniqueOrThrow({ where: { studyId } })).computedAt;
      // The last rater's three remaining judgments schedule a refresh, which the worker runs.
      await judgeAll(raters[2]!, 0, 3);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const row = await app.db.studyResult.findUniqueOrThrow({ where: { studyId } });
        if (row.computedAt > before && row.judgments === JUDGED + 3) break;
        if (Date.now() > deadline) throw new Error("the results were not recomputed");
        await new Promise((r) => setTimeout(r, 250));
      }
      expect((await read()).status).toBe("current");
    } finally {
      await worker.stop();
    }
  }, 90_000);
});
