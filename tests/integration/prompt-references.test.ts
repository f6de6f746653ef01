/**
 * Reference media for prompts (subject images, inpainting inputs, degraded inputs): imported
 * through /api/v1 with a per-row report, then shown beside the pair on the rater's task — blind.
 */
import crypto from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { raterCookieName, redeemInvite } from "@loupe/api";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
let key: string;

const png = (r: number) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r, g: 10, b: 10 } } })
    .png()
    .toBuffer();

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, { slug: "refs", models: ["m1", "m2"], prompts: 2 });
  key = (await fx.owner.client.apiKeys.create.mutate({ projectSlug: "refs", name: "k", role: "curator" }))
    .key;
});
afterAll(() => app?.close());

it("imports subject images with a per-row report and shows them on the rater's task", async () => {
  const manifest = [
    { prompt_id: "1", role: "subject", file: "dog/0.png" },
    { prompt_id: "1", role: "subject", file: "dog/1.png", position: 1 },
    { prompt_id: "2", role: "subject", file: "dog/0.png" },
    { prompt_id: "9", role: "subject", file: "dog/0.png" },
    { prompt_id: "2", role: "subject", file: "missing.png", position: 1 },
    { prompt_id: "2", role: "subject", file: "broken.png", position: 2 },
    { prompt_id: "1", role: "subject", file: "dog/1.png" },
  ]
    .map((r) => JSON.stringify(r))
    .join("\n");
  const form = new FormData();
  form.set("prompt_set", "prompts");
  form.set("manifest", new Blob([manifest]), "refs.jsonl");
  form.set("dog/0.png", new Blob([new Uint8Array(await png(200))]), "0.png");
  form.set("dog/1.png", new Blob([new Uint8Array(await png(100))]), "1.png");
  form.set("broken.png", new Blob([Buffer.from("not an image")]), "broken.png");
  const res = await app.rest("/projects/refs/prompt-sets/references", { method: "POST", body: form, key });
  expect(res.status).toBe(200);
  const report = (await res.json()) as {
    rows: { line: number; status: string; reason?: string }[];
    totals: unknown;
  };
  expect(report.rows.map((r) => [r.line, r.status])).toEqual([
    [1, "imported"],
    [2, "imported"],
    [3, "imported"],
    [4, "error"],
    [5, "error"],
    [6, "error"],
    [7, "duplicate"],
  ]);
  expect(report.rows[3]!.reason).toMatch(/no prompt with id "9"/);
  expect(report.rows[4]!.reason).toBe("no such file");
  expect(report.rows[6]!.reason).toMatch(/already has a subject reference at position 0/);
  expect(await app.db.promptReference.count()).toBe(3);

  const study = await fx.owner.client.studies.create.mutate({
    projectSlug: "refs",
    name: "personalization",
    config: {
      kind: "pairwise",
      template: "personalization",
      referenceRoles: ["subject"],
      axes: [
        { id: "subject_fidelity", question: "Same subject?" },
        { id: "prompt_fidelity", question: "Follows the prompt?" },
      ],
      modelIds: fx.models.map((m) => m.id),
      promptSetIds: [fx.set.id],
      overlap: 1,
    },
  });
  await fx.owner.client.studies.launch.mutate({ projectSlug: "refs", studyId: study.id });
  const invite = await fx.owner.client.studies.createInvite.mutate({
    projectSlug: "refs",
    studyId: study.id,
  });
  const { sessionToken } = await redeemInvite(app.db, invite.path.split("/")[2]!, new URLSearchParams());
  const rater = app.trpc(`${raterCookieName(study.id)}=${sessionToken}`);
  const seen = new Map<string, number>();
  for (;;) {
    const next = await rater.rating.next.mutate({ studyId: study.id });
    if (next.status !== "task") break;
    seen.set(next.task.prompt, next.task.references.length);
    for (const r of next.task.references) {
      expect(r.role).toBe("subject");
      expect(r.media.url).toMatch(/^\/media\/[A-Za-z0-9_-]+$/);
    }
    const text = JSON.stringify(next);
    const assets = await app.db.asset.findMany();
    for (const a of assets) expect(text).not.toContain(a.sha256);
    await rater.rating.submit.mutate({
      studyId: study.id,
      assignmentId: next.task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      answers: { subject_fidelity: "left", prompt_fidelity: "tie" },
    });
  }
  expect(Object.fromEntries(seen)).toEqual({ "prompt number 1": 2, "prompt number 2": 1 });
});
