/**
 * Video A/B on the rater's page: two videos play, pause and step frames together from the keyboard.
 * The outputs are real WebM files made by ffmpeg and uploaded through /api/v1.
 */
import { expect, test, type Page } from "@playwright/test";
import { makeTestMedia } from "@loupe/media/testing";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from "./support/env";
import { signIn } from "./support/session";

let invitePath = "";
let studyId = "";
let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(admin);
  const projectSlug = "demo";
  const { key } = await api.apiKeys.create.mutate({ projectSlug, name: "video e2e", role: "researcher" });
  const models = [
    await api.models.create.mutate({ projectSlug, name: "video-left-or-right-1" }),
    await api.models.create.mutate({ projectSlug, name: "video-left-or-right-2" }),
  ];
  const set = await api.promptSets.create.mutate({
    projectSlug,
    name: "Video prompts",
    prompts: [{ externalId: "v1", text: "a test pattern scrolling slowly" }],
  });
  for (const [i, model] of models.entries()) {
    const video = await makeTestMedia({ kind: "webm", seconds: 3, width: 64 + 16 * i, height: 48 });
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(video)], { type: "video/webm" }), "v.webm");
    form.set("model", model.name);
    form.set("prompt_set", "Video prompts");
    form.set("prompt_id", "v1");
    const res = await fetch(`${BASE_URL}/api/v1/projects/${projectSlug}/outputs`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    expect(res.status).toBe(201);
  }
  const template = (await api.studies.templates.query({ projectSlug })).find((t) => t.id === "video-ab")!;
  const study = await api.studies.create.mutate({
    projectSlug,
    name: "video",
    config: {
      kind: "pairwise",
      template: "video-ab",
      axes: template.axes,
      instructions: template.instructions,
      modelIds: models.map((m) => m.id),
      promptSetIds: [set.id],
    },
  });
  studyId = study.id;
  await api.studies.launch.mutate({ projectSlug, studyId });
  invitePath = (await api.studies.createInvite.mutate({ projectSlug, studyId: study.id })).path;
});
test.afterAll(async () => {
  // Later specs list the demo project's active studies: leave this one completed.
  await (await apiAs(admin)).studies.setStatus.mutate({ projectSlug: "demo", studyId, status: "completed" });
  await admin.close();
});

test("both videos play, pause and step frames together from the keyboard", async ({ page }) => {
  await page.goto(invitePath);
  await page.keyboard.press("Enter");
  const left = page.getByLabel("Left video");
  const right = page.getByLabel("Right video");
  await expect(left).toBeVisible();
  await expect(right).toBeVisible();
  // Wait until both can play.
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("video")].every((v) => v.readyState >= 3)))
    .toBe(true);
  const state = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("video")].map((v) => ({ paused: v.paused, t: v.currentTime })),
    );

  await page.keyboard.press(" ");
  await expect.poll(async () => (await state()).map((v) => v.paused)).toEqual([false, false]);
  await expect.poll(async () => (await state())[0]!.t).toBeGreaterThan(0.3);
  await page.keyboard.press(" ");
  await expect.poll(async () => (await state()).map((v) => v.paused)).toEqual([true, true]);
  const [a, b] = await state();
  expect(Math.abs(a!.t - b!.t)).toBeLessThan(0.15);

  // One frame forward (the videos are 10 fps): both move by 0.1 s and stay together.
  await page.keyboard.press(".");
  await expect.poll(async () => (await state())[0]!.t).toBeCloseTo(a!.t + 0.1, 2);
  const [c, d] = await state();
  expect(d!.t).toBeCloseTo(c!.t, 2);
  await page.keyboard.press(",");
  await expect.poll(async () => (await state())[1]!.t).toBeCloseTo(a!.t, 2);

  // Loop is on by default and toggles with L.
  await expect(page.getByRole("checkbox", { name: /Loop/ })).toBeChecked();
  await page.keyboard.press("l");
  await expect(page.getByRole("checkbox", { name: /Loop/ })).not.toBeChecked();
  expect(await page.evaluate(() => [...document.querySelectorAll("video")].map((v) => v.loop))).toEqual([
    false,
    false,
  ]);
});
