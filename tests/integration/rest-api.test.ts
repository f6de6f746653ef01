import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let key: string;
let otherKey: string;

async function png(color: string) {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .png()
    .toBuffer();
}

function upload(fields: Record<string, string>, file: Buffer | null, k = key) {
  const form = new FormData();
  if (file) form.set("file", new Blob([new Uint8Array(file)], { type: "image/png" }), "x.png");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return app.rest("/projects/eval/outputs", { method: "POST", body: form, key: k });
}

beforeAll(async () => {
  app = await createTestApp();
  const admin = await app.userWithSession("admin@example.test", { isAdmin: true });
  await admin.client.projects.create.mutate({ name: "Eval", slug: "eval" });
  await admin.client.projects.create.mutate({ name: "Secret", slug: "secret" });
  key = (
    await admin.client.apiKeys.create.mutate({ projectSlug: "eval", name: "script", role: "researcher" })
  ).key;
  otherKey = (await admin.client.apiKeys.create.mutate({ projectSlug: "secret", name: "s", role: "rater" }))
    .key;
});
afterAll(() => app?.close());

describe("/api/v1 authentication", () => {
  it("401 without a key or with a wrong one", async () => {
    expect((await app.rest("/project")).status).toBe(401);
    expect((await app.rest("/project", { key: "loupe_notarealkey" })).status).toBe(401);
    const ok = await app.rest("/project", { key });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ project: { slug: "eval", name: "Eval" }, role: "researcher" });
  });

  it("403 with the same body for another project, existing or not", async () => {
    const existing = await app.rest("/projects/secret/models", { key });
    const missing = await app.rest("/projects/does-not-exist/models", { key });
    expect(existing.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(await existing.text()).toBe(await missing.text());
  });

  it("a key's role limits what it can do", async () => {
    const res = await app.rest("/projects/secret/models", { key: otherKey });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/researcher role/);
  });

  it("stores only the key's hash and stops accepting a revoked key", async () => {
    const rows = await app.db.apiKey.findMany();
    expect(rows.some((r) => r.hashedKey === key)).toBe(false);
    expect(rows.every((r) => r.hashedKey.length === 64)).toBe(true);
    const row = rows.find((r) => r.name === "s")!;
    await app.db.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    expect((await app.rest("/project", { key: otherKey })).status).toBe(401);
  });
});

describe("/api/v1 resources", () => {
  it("registers a model and refuses a duplicate name", async () => {
    const body = JSON.stringify({ name: "sdxl-turbo", description: "4 steps" });
    const headers = { "content-type": "application/json" };
    expect((await app.rest("/projects/eval/models", { method: "POST", body, headers, key })).status).toBe(
      201,
    );
    const dup = await app.rest("/projects/eval/models", { method: "POST", body, headers, key });
    expect(dup.status).toBe(409);
    const list = await (await app.rest("/projects/eval/models", { key })).json();
    expect(list.models.map((m: { name: string }) => m.name)).toEqual(["sdxl-turbo"]);
  });

  it("creates a prompt set and names the bad field on invalid input", async () => {
    const headers = { "content-type": "application/json" };
    const bad = await app.rest("/projects/eval/prompt-sets", {
      method: "POST",
      headers,
      key,
      body: JSON.stringify({ name: "p", prompts: [{ text: "" }] }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^prompts\.0\.text: prompt text is empty/);
    const notJson = await app.rest("/projects/eval/prompt-sets", { method: "POST", headers, key, body: "{" });
    expect(notJson.status).toBe(400);

    const ok = await app.rest("/projects/eval/prompt-sets", {
      method: "POST",
      headers,
      key,
      body: JSON.stringify({
        name: "parti-mini",
        prompts: [
          { externalId: "p1", text: "a red bicycle", tags: ["Vehicles"] },
          { externalId: "p2", text: "two cats on a sofa", tags: ["Animals", "Counting"] },
        ],
      }),
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ name: "parti-mini", promptCount: 2 });
  });

  it("uploads an output, validates the file, and is idempotent on (model, prompt, seed, params)", async () => {
    const fields = {
      model: "sdxl-turbo",
      prompt_set: "parti-mini",
      prompt_id: "p1",
      seed: "7",
      params: '{"steps":4}',
    };
    const first = await upload(fields, await png("#c00"));
    expect(first.status).toBe(201);
    const again = await upload(fields, await png("#c00"));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, sameFile: true });

    const byText = await upload(
      { model: "sdxl-turbo", prompt_set: "parti-mini", prompt: "two cats on a sofa" },
      await png("#0c0"),
    );
    expect(byText.status).toBe(201);

    const outputs = await app.db.output.findMany({ include: { asset: true } });
    expect(outputs).toHaveLength(2);
    const o = outputs.find((x) => x.seed === 7n)!;
    expect(o.params).toEqual({ steps: 4 });
    expect(o.asset).toMatchObject({ kind: "image", mime: "image/png", width: 64, height: 48 });
    expect(o.asset.thumbnailSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await app.runtime.storage.has(o.asset.sha256)).toBe(true);
  });

  it("stores the same file uploaded for several outputs at once as one asset, without errors", async () => {
    const same = await png("#2468ac");
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        upload(
          { model: "sdxl-turbo", prompt_set: "parti-mini", prompt_id: "p2", seed: String(100 + i) },
          same,
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const outputs = await app.db.output.findMany({ where: { seed: { gte: 100n, lt: 108n } } });
    expect(outputs).toHaveLength(8);
    expect(new Set(outputs.map((o) => o.assetId)).size).toBe(1);
  });

  it("refuses a file that is not an image, an unknown prompt, and a missing file, storing nothing", async () => {
    const before = await app.db.asset.count();
    const garbage = await upload(
      { model: "sdxl-turbo", prompt_set: "parti-mini", prompt_id: "p2", seed: "5" },
      Buffer.from("not an image"),
    );
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error).toMatch(
      /^the file was rejected: it is not a readable image, video or audio file/,
    );
    const unknown = await upload(
      { model: "sdxl-turbo", prompt_set: "parti-mini", prompt_id: "p9" },
      await png("#00c"),
    );
    expect(unknown.status).toBe(404);
    const noFile = await upload({ model: "sdxl-turbo", prompt_set: "parti-mini", prompt_id: "p2" }, null);
    expect(noFile.status).toBe(400);
    expect(await app.db.asset.count()).toBe(before);
  });

  it("answers unknown endpoints and methods clearly", async () => {
    expect((await app.rest("/projects/eval/nothing", { key })).status).toBe(404);
    expect((await app.rest("/projects/eval/outputs", { key })).status).toBe(405);
  });
});
