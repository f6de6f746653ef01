/**
 * Importing through the pages: a prompt file (with a prompt that is HTML/script, shown as text and
 * never run) and a picked folder of outputs (an image, a video, a file for an unknown prompt), each
 * answered with its per-row report. Runs in a project of its own, so the demo project is unchanged.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signedIn } from "./support/session";

test.describe.configure({ mode: "serial" });

const SCRIPT_PROMPT = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> a cat`;

let page: Page;
let folder: string;
const dialogs: string[] = [];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // A folder as a person would pick it: run/<model>/<prompt_id>[_<seed>].<ext>
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-e2e-import-"));
  const model = path.join(folder, "run", "sdxl");
  fs.mkdirSync(model, { recursive: true });
  await sharp({ create: { width: 48, height: 48, channels: 3, background: "#c33" } })
    .png()
    .toFile(path.join(model, "p1.png"));
  await sharp({ create: { width: 16, height: 16, channels: 3, background: "#3c3" } })
    .png()
    .toFile(path.join(model, "p9.png"));
  const ffmpeg = (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  execFileSync(ffmpeg, [
    ...["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1"],
    ...["-c:v", "libx264", "-pix_fmt", "yuv420p", path.join(model, "p2_5.mp4")],
  ]);
});
test.afterAll(async () => {
  await page.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

test("an admin creates a project to import into", async () => {
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByLabel("Name", { exact: true }).fill("Imports");
  await page.getByLabel("Address (optional)").fill("imports");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/p\/imports/);
});

test("a prompt file is imported with a per-row report; HTML in a prompt stays text", async () => {
  await page.goto("/p/imports/prompt-sets");
  // A file chosen before React has hydrated the form would be lost (the button stays disabled).
  await page.waitForLoadState("networkidle");
  const lines = [
    JSON.stringify({ id: "p1", prompt: "a red cube", category: "Objects" }),
    "{not json",
    JSON.stringify({ id: "p2", prompt: SCRIPT_PROMPT }),
  ];
  await page.getByLabel("Prompt file", { exact: true }).setInputFiles({
    name: "bench.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(lines.join("\n")),
  });
  await page.getByRole("button", { name: "Import prompts" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Imported 2 prompts into bench (jsonl); 1 rows with errors.",
  );
  const report = page.getByRole("table", { name: "Prompt import report" });
  const rows = report.getByRole("row");
  await expect(rows).toHaveCount(4); // header + 3 lines
  await expect(rows.nth(1)).toContainText("a red cube");
  await expect(rows.nth(1)).toContainText("imported");
  await expect(rows.nth(2)).toContainText("error");
  await expect(rows.nth(2)).toContainText("not valid JSON");
  // The markup is shown literally, and nothing in it ran.
  await expect(rows.nth(3).getByRole("cell", { name: SCRIPT_PROMPT })).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await expect(
    page.getByRole("table", { name: "Prompt sets" }).getByRole("link", { name: "bench" }),
  ).toBeVisible();

  await page.getByRole("table", { name: "Prompt sets" }).getByRole("link", { name: "bench" }).click();
  await expect(page.getByRole("cell", { name: SCRIPT_PROMPT })).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("reference media are attached to the set's prompts from a manifest, with a per-row report", async () => {
  // Still on the "bench" prompt set's page, reached by a link: wait until it is hydrated.
  await page.waitForLoadState("networkidle");
  const manifest = [
    JSON.stringify({ prompt_id: "p1", role: "subject", file: "dog.png" }),
    JSON.stringify({ prompt_id: "p404", role: "subject", file: "dog.png" }),
    JSON.stringify({ prompt_id: "p2", role: "source", file: "missing.png" }),
  ].join("\n");
  const form = page.getByRole("region", { name: "Attach reference media" });
  await form.getByLabel("Reference manifest").setInputFiles({
    name: "refs.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(manifest),
  });
  const png = await sharp({ create: { width: 24, height: 24, channels: 3, background: "#a0522d" } })
    .png()
    .toBuffer();
  await form.getByLabel("or files").setInputFiles({ name: "dog.png", mimeType: "image/png", buffer: png });
  await form.getByRole("button", { name: "Attach references" }).click();
  await expect(form.getByRole("status")).toHaveText("3 rows: 1 imported, 0 duplicate, 2 error.");
  const rows = form.getByRole("table", { name: "Reference import report" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("imported");
  await expect(rows.nth(2)).toContainText('no prompt with id "p404"');
  await expect(rows.nth(3)).toContainText("no such file");
});

test("a picked folder of outputs is imported row by row; the video plays from a signed URL", async () => {
  await page.goto("/p/imports/outputs");
  await page.waitForLoadState("networkidle"); // hydrated before the folder is chosen
  await page.getByLabel("Folder", { exact: true }).setInputFiles(path.join(folder, "run"));
  await page.getByLabel(/Register models/).check();
  await page.getByRole("button", { name: "Import 3 files" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "3 rows: 2 imported, 0 duplicate, 1 error. Registered models: sdxl.",
  );
  const rows = page.getByRole("table", { name: "Outputs import report" }).getByRole("row");
  await expect(rows.filter({ hasText: "sdxl/p9.png" })).toContainText('no prompt with id "p9" in "bench"');
  await expect(rows.filter({ hasText: "sdxl/p2_5.mp4" })).toContainText("imported");

  const grid = page.getByRole("list", { name: "Outputs" });
  const video = grid.locator("video");
  await expect(video).toHaveCount(1);
  await expect(video).toHaveAttribute("src", /^\/media\/[^/]+$/);
  await expect(video).toHaveAttribute("poster", /^\/media\/[^/]+$/);
  const poster = await page.request.get((await video.getAttribute("poster"))!);
  expect(poster.headers()["content-type"]).toBe("image/webp");
  const original = await page.request.get((await video.getAttribute("src"))!, {
    headers: { range: "bytes=0-99" },
  });
  expect(original.status()).toBe(206);
  expect(original.headers()["content-type"]).toBe("video/mp4");
  const image = grid.getByRole("img", { name: /^sdxl: a red cube$/ });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
});
