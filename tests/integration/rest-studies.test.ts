/** Pairwise studies through /api/v1 with an API key: create, read, launch, invite, judgments. */
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { raterCookieName, redeemInvite } from "@loupe/api";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
let key: string;
let raterKey: string;

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, { slug: "rest", models: ["alpha", "beta"], prompts: 3 });
  key = (await fx.owner.client.apiKeys.create.mutate({ projectSlug: "rest", name: "s", role: "researcher" }))
    .key;
  raterKey = (await fx.owner.client.apiKeys.create.mutate({ projectSlug: "rest", name: "r", role: "rater" }))
    .key;
});
afterAll(() => app?.close());

const post = (path: string, body: unknown, k = key) =>
  app.rest(`/projects/rest${path}`, {
    method: "POST",
    key: k,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

it("creates, launches and invites to a study, then lists its judgments with model names", async () => {
  const config = {
    kind: "pairwise",
    template: "custom",
    axes: [{ id: "overall", question: "Which is better?" }],
    modelIds: fx.models.map((m) => m.id),
    promptSetIds: [fx.set.id],
    overlap: 1,
  };
  expect((await post("/studies", { name: "r", config }, raterKey)).status).toBe(403);
  const bad = await post("/studies", { name: "r", config: { ...config, axes: [] } });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toMatch(/at least one question/);

  const created = await post("/studies", { name: "via REST", config });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const launched = await post(`/studies/${id}/launch`, {});
  expect(launched.status).toBe(200);
  expect(await launched.json()).toMatchObject({ tasks: 3, missing: 0 });
  expect((await post(`/studies/${id}/launch`, {})).status).toBe(400);

  const study = await app.rest(`/projects/rest/studies/${id}`, { key });
  expect(await study.json()).toMatchObject({ name: "via REST", status: "active", tasks: 3, judgments: 0 });
  expect((await app.rest(`/projects/rest/studies/no-such-study`, { key })).status).toBe(404);

  const inviteRes = await post(`/studies/${id}/invites`, { label: "batch", maxRaters: 2 });
  expect(inviteRes.status).toBe(201);
  const invite = (await inviteRes.json()) as { path: string; maxRaters: number };
  expect(invite.maxRaters).toBe(2);

  const { sessionToken } = await redeemInvite(app.db, invite.path.split("/")[2]!, new URLSearchParams());
  const rater = app.trpc(`${raterCookieName(id)}=${sessionToken}`);
  const next = await rater.rating.next.mutate({ studyId: id });
  if (next.status !== "task") throw new Error(next.status);
  await rater.rating.submit.mutate({
    studyId: id,
    assignmentId: next.task.assignmentId,
    idempotencyKey: crypto.randomUUID(),
    answers: { overall: "left" },
    durationMs: 1234,
  });

  const res = await app.rest(`/projects/rest/studies/${id}/judgments`, { key });
  const { judgments } = (await res.json()) as { judgments: Record<string, unknown>[] };
  expect(judgments).toHaveLength(1);
  const j = judgments[0]!;
  expect([j.modelA, j.modelB]).toEqual(["alpha", "beta"]);
  expect(j).toMatchObject({ durationMs: 1234, undone: false, isGold: false, raterExcluded: false });
  expect((j.answers as { overall: string }).overall).toBe(j.swapped ? "B" : "A");
});
