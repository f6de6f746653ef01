/** POST /api/v1/projects/:slug/prompt-sets/import and /outputs/import: multipart in, per-row report out. */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestMedia } from "@loupe/media/testing";
import { handleSessionUpload } from "@loupe/api/rest";
import { BASE_URL, createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let key: string;
let raterKey: string;

const png = (color: string) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .png()
    .toBuffer();
const blob = (bytes: Buffer | string) =>
  new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]);

function post(resource: string, form: FormData, k = key) {
  return app.rest(`/projects/eval/${resource}`, { method: "POST", body: form, key: k });
}

type ReportRow = { line: number; status: string; code?: string; reason?: string; file?: string };

beforeAll(async () => {
  app = await createTestApp();
  const admin = await app.userWithSession("admin@example.test", { isAdmin: true });
  await admin.client.projects.create.mutate({ name: "Eval", slug: "eval" });
  key = (await admin.client.apiKeys.create.mutate({ projectSlug: "eval", name: "s", role: "curator" })).key;
  raterKey = (await admin.client.apiKeys.create.mutate({ projectSlug: "eval", name: "r", role: "rater" }))
    .key;
  await admin.client.models.create.mutate({ projectSlug: "eval", name: "sdxl" });
});
afterAll(() => app?.close());

describe("POST /prompt-sets/import", () => {
  it("creates the set from the good rows and reports the bad ones by line", async () => {
    const form = new FormData();
    const lines = [
      '{"id":"p1","prompt":"a red cube","category":"Objects"}',
      "{broken",
      '{"id":"p2","prompt":"<script>alert(1)</script> a dog"}',
    ];
    form.set("file", blob(lines.join("\n")), "bench.jsonl");
    const res = await post("prompt-sets/import", form);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ promptSet: { name: "bench" }, format: "jsonl", imported: 2 });
    expect(body.errors).toEqual([{ line: 2, message: "not valid JSON" }]);
    const stored = await app.db.prompt.findFirstOrThrow({ where: { externalId: "p2" } });
    // Stored as given: it is text, and pages escape it when they show it.
    expect(stored.text).toBe("<script>alert(1)</script> a dog");

    const again = await post("prompt-sets/import", form);
    expect(again.status).toBe(409);
  });

  it("refuses a file with no prompt column, and a key without the curator role", async () => {
    const form = new FormData();
    form.set("file", blob("title,category\nx,y\n"), "x.csv");
    form.set("name", "x");
    const res = await post("prompt-sets/import", form);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/no prompt column in the header \(found title, category\)/);
    expect((await post("prompt-sets/import", form, raterKey)).status).toBe(403);
  });
});

describe("POST /outputs/import", () => {
  it("imports a manifest with its files as parts named by path, row by row", async () => {
    const form = new FormData();
    form.set("prompt_set", "bench");
    const manifest = [
      { model: "sdxl", prompt_id: "p1", file: "sdxl/p1.png" },
      { model: "sdxl", prompt_id: "p2", seed: 4, file: "./sdxl/p2.mp4" },
      { model: "sdxl", prompt_id: "p2", file: "sdxl/missing.png" },
      { model: "veo", prompt_id: "p1", file: "sdxl/p1.png" },
      { model: "sdxl", prompt_id: "p1", file: "sdxl/p1.png" },
    ];
    form.set("manifest", blob(manifest.map((m) => JSON.stringify(m)).join("\n")), "manifest.jsonl");
    form.append("sdxl/p1.png", blob(await png("#c00")), "p1.png");
    form.append("sdxl/p2.mp4", blob(await makeTestMedia({ kind: "mp4", seconds: 1 })), "p2.mp4");
    const res = await post("outputs/import", form);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.rows.map((r: ReportRow) => [r.line, r.status, r.code ?? null])).toEqual([
      [1, "imported", null],
      [2, "imported", null],
      [3, "error", "missing_file"],
      [4, "error", "unknown_model"],
      [5, "duplicate", null],
    ]);
    expect(report.totals).toEqual({ rows: 5, imported: 2, duplicate: 1, error: 2 });
    const video = await app.db.output.findFirstOrThrow({ where: { seed: 4n }, include: { asset: true } });
    expect(video.asset).toMatchObject({ kind: "video", mime: "video/mp4" });

    const again = await (await post("outputs/import", form)).json();
    expect(again.totals).toMatchObject({ imported: 0, duplicate: 3, error: 2 });
  });

  it("without a manifest, reads the parts' paths as the folder layout (a picked folder's name dropped)", async () => {
    const form = new FormData();
    form.set("prompt_set", "bench");
    form.set("create_models", "true");
    form.append("run1/flux/p1_9.png", blob(await png("#0c0")), "p1_9.png");
    form.append("run1/flux/notes.txt", blob("not media"), "notes.txt");
    const report = await (await post("outputs/import", form)).json();
    expect(report.createdModels).toEqual(["flux"]);
    expect(report.rows).toMatchObject([
      { line: 1, file: "flux/notes.txt", status: "error", code: "unknown_prompt" },
      { line: 2, file: "flux/p1_9.png", status: "imported", kind: "image" },
    ]);
    const out = await app.db.output.findFirstOrThrow({ where: { model: { name: "flux" } } });
    expect(out.seed).toBe(9n);
  });

  it("answers a wrong CSV column, a missing prompt set field and an unknown prompt set clearly", async () => {
    const form = new FormData();
    form.set("prompt_set", "bench");
    form.set("manifest", blob("model,prompt_id,file,colour\nsdxl,p1,a.png,red\n"), "m.csv");
    const bad = await post("outputs/import", form);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^unknown column "colour" in the CSV header/);

    form.delete("prompt_set");
    const noSet = await post("outputs/import", form);
    expect(noSet.status).toBe(400);
    expect((await noSet.json()).error).toBe("prompt_set: missing");

    form.set("prompt_set", "nope");
    form.set("manifest", blob("model,prompt_id,file\nsdxl,p1,a.png\n"), "m.csv");
    const unknownSet = await post("outputs/import", form);
    expect(unknownSet.status).toBe(404);
    expect((await unknownSet.json()).error).toBe('no prompt set named "nope" in this project');
  });
});

describe("the pages' upload route (session, not API key)", () => {
  const upload = (cookie: string | undefined, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("file", blob("a small red boat\nthe moon over a city\n"), "web.txt");
    return handleSessionUpload(
      app.runtime,
      new Request(`${BASE_URL}/api/uploads/eval/prompts`, {
        method: "POST",
        body: form,
        headers: { ...(cookie ? { cookie } : {}), ...headers },
      }),
      "eval",
      "prompts",
    );
  };

  it("imports for a signed-in curator and refuses anonymous, cross-site and under-privileged callers", async () => {
    const admin = await app.signIn("admin@example.test", "correct horse battery");
    const ok = await upload(admin, { origin: BASE_URL, host: new URL(BASE_URL).host });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ promptSet: { name: "web" }, imported: 2 });

    expect((await upload(undefined)).status).toBe(401);
    const crossSite = await upload(admin, { origin: "https://evil.example", host: new URL(BASE_URL).host });
    expect(crossSite.status).toBe(403);

    const rater = await app.userWithSession("rater@example.test");
    const adminClient = app.trpc(admin);
    await adminClient.members.add.mutate({ projectSlug: "eval", email: "rater@example.test", role: "rater" });
    const denied = await upload(rater.cookie);
    expect(denied.status).toBe(403);
    const outsider = await app.userWithSession("outsider@example.test");
    expect((await upload(outsider.cookie)).status).toBe(404);
  });
});
