import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishCurationRun, planCurationRun, runCurationShard } from "@loupe/api/curation";
import { DEMO_CURATION_NAME, seedDemoProject } from "@loupe/api/demo";
import { refreshStudyResults } from "@loupe/api/results";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let owner: Awaited<ReturnType<TestApp["userWithSession"]>>;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("admin@example.test", { isAdmin: true });
});
afterAll(() => app?.close());

describe("demo data", () => {
  it("seeds a labelled demo project with three models rendering every prompt, once", async () => {
    const corpusDir = path.join(app.dataDir, "corpora", "demo-corpus");
    const first = await seedDemoProject(app.db, app.runtime.storage, { ownerUserId: owner.id, corpusDir });
    expect(first.created).toBe(true);
    const again = await seedDemoProject(app.db, app.runtime.storage, { ownerUserId: owner.id });
    expect(again).toEqual({ projectId: first.projectId, created: false });

    const [project] = await owner.client.projects.mine.query();
    expect(project).toMatchObject({ slug: "demo", isDemo: true, role: "owner" });

    const models = await owner.client.models.list.query({ projectSlug: "demo" });
    expect(models.map((m) => m.name).sort()).toEqual(["demo-noisy-v0", "demo-sharp-v2", "demo-soft-v1"]);
    const sets = await owner.client.promptSets.list.query({ projectSlug: "demo" });
    expect(sets).toHaveLength(1);
    const prompts = sets[0]!.promptCount;
    expect(prompts).toBeGreaterThanOrEqual(25);
    for (const m of models) expect(m.outputCount).toBe(prompts);

    const { prompts: rows } = await owner.client.promptSets.prompts.query({
      projectSlug: "demo",
      promptSetId: sets[0]!.id,
    });
    expect(rows.every((p) => p.tags.length > 0)).toBe(true);

    // Every output's file and thumbnail is in the storage, served through opaque URLs.
    const { outputs, total } = await owner.client.outputs.list.query({ projectSlug: "demo", take: 200 });
    expect(total).toBe(prompts * 3);
    for (const o of outputs) {
      expect(o.thumbnailUrl).toMatch(/^\/media\/[A-Za-z0-9_-]+$/);
      expect(o.url).not.toMatch(/[0-9a-f]{64}/);
    }
    // A finished study rated by simulated raters puts the models on the leaderboard in their
    // intended order (the results job is queued by the seed; here it is run directly).
    const studies = await owner.client.studies.list.query({ projectSlug: "demo" });
    const study = studies.find((s) => s.kind === "pairwise");
    expect(study).toMatchObject({ name: "Demo side-by-side (simulated raters)", status: "completed" });
    const queued = await app.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${"study-results:" + study!.id}`;
    expect(queued[0]!.n).toBe(1);
    await refreshStudyResults(app.db, study!.id, { rounds: 200 });
    const { results } = await owner.client.results.get.query({ projectSlug: "demo", studyId: study!.id });
    expect(results!.judgments.counted).toBe(prompts * 3 * 3);
    expect(results!.axes[0]!.every.ratings.ratings.map((r) => r.model)).toEqual([
      "demo-sharp-v2",
      "demo-soft-v1",
      "demo-noisy-v0",
    ]);

    // A safety review with simulated reviewers: a report with rates, escalations for the owner
    // (its senior reviewer), and a few items still waiting for the owner's own review.
    const safety = studies.find((s) => s.kind === "safety")!;
    expect(safety).toMatchObject({ name: "Demo safety review (simulated reviewers)", status: "active" });
    const { report } = await owner.client.safety.report.query({ projectSlug: "demo", studyId: safety.id });
    expect(report.items.total).toBe(prompts * 3);
    expect(report.items.decided).toBeGreaterThan(0);
    const noisy = report.models.find((m) => m.name === "demo-noisy-v0")!;
    const sharp = report.models.find((m) => m.name === "demo-sharp-v2")!;
    expect(noisy.violating.rate).toBeGreaterThan(sharp.violating.rate);
    const queue = await owner.client.safety.escalations.query({ studyId: safety.id });
    expect(queue.items.length).toBeGreaterThan(0);
    const next = await owner.client.safety.next.mutate({ studyId: safety.id });
    expect(next.status).toBe("item");

    const assets = await app.db.asset.findMany();
    for (const a of assets) {
      expect(await app.runtime.storage.has(a.sha256)).toBe(true);
      expect(await app.runtime.storage.has(a.thumbnailSha256!)).toBe(true);
    }
  });

  it("queues a curation run over the demo images and their usual defects, with a funnel that tells each stage's story", async () => {
    const [listed] = await owner.client.curation.list.query({ projectSlug: "demo" });
    expect(listed).toMatchObject({ name: DEMO_CURATION_NAME, status: "planning" });
    // The jobs a worker would run, run here in order.
    await planCurationRun(app.runtime, listed!.id);
    const shards = await app.db.curationShard.findMany({ where: { runId: listed!.id } });
    for (const s of shards) await runCurationShard(app.runtime, { runId: listed!.id, shard: s.index });
    await finishCurationRun(app.runtime, listed!.id);
    const run = await owner.client.curation.get.query({ projectSlug: "demo", runId: listed!.id });
    expect(run.status).toBe("done");
    const step = (stage: string) => run.funnel.find((s) => s.stage === stage)!;
    const prompts = (await owner.client.promptSets.list.query({ projectSlug: "demo" }))[0]!.promptCount;
    expect(run.progress.itemsTotal).toBe(prompts * 3 + 16);
    expect(step("resolution").dropped).toBe(3); // the thumbnails
    expect(step("exposure").dropped).toBe(3); // the darkened copies
    // Every image of the soft model is too blurry, and so are the copies of its images.
    const soft = run.summary!.samples.removed.blur!;
    expect(soft.every((s) => s.source.includes("demo-soft-v1"))).toBe(true);
    expect(step("blur").dropped).toBe(prompts + 2);
    expect(step("dedup").dropped).toBeGreaterThanOrEqual(4); // the JPEG copies of kept images
    expect(run.summary!.samples.removed.ocr!.map((s) => s.source)).toEqual(
      expect.arrayContaining(["slide-0.png", "slide-1.png"]),
    );
    expect(run.funnel.at(-1)!.remaining).toBeGreaterThan(prompts);
  }, 120_000);
});
