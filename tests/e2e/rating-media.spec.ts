/**
 * Video and audio on the rater's page: two videos play, pause and step frames together from the
 * keyboard; two audio players play in turn; a break reminder interrupts a long stretch.
 */
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { createMediaStudy } from "./support/media-study";
import { signedIn, startRating } from "./support/session";

test.describe.configure({ mode: "serial" });

let admin: Page;
let video: Awaited<ReturnType<typeof createMediaStudy>>;
let audio: Awaited<ReturnType<typeof createMediaStudy>>;

test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  await signedIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  video = await createMediaStudy(admin, {
    tag: "video",
    template: "video-ab",
    media: (i) => ({ kind: "webm", seconds: 3, width: 64 + 16 * i, height: 48 }),
    breakEveryMinutes: 5,
  });
  audio = await createMediaStudy(admin, {
    tag: "audio",
    template: "custom",
    media: (i) => ({ kind: "wav", seconds: 1, frequency: 440 + 220 * i }),
  });
});
test.afterAll(async () => {
  await video.complete();
  await audio.complete();
  await admin.close();
});

const mediaState = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLMediaElement>(sel)].map((m) => ({
        paused: m.paused,
        t: m.currentTime,
      })),
    selector,
  );

test("both videos play, pause and step frames together from the keyboard", async ({ page }) => {
  await page.goto(video.invitePath);
  await startRating(page);
  await expect(page.getByLabel("Left video")).toBeVisible();
  await expect(page.getByLabel("Right video")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("video")].every((v) => v.readyState >= 3)))
    .toBe(true);
  const state = () => mediaState(page, "video");

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

test("a break reminder interrupts a long stretch of rating and Enter dismisses it", async ({ page }) => {
  await page.clock.install();
  await page.goto(video.invitePath);
  await startRating(page);
  await expect(page.getByLabel("Left video")).toBeVisible();
  const reminder = page.getByRole("dialog", { name: "Time for a short break" });
  await page.clock.fastForward("04:00");
  await expect(reminder).toHaveCount(0);
  await page.clock.fastForward("01:05");
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText("You have been rating for 5 minutes");
  await page.keyboard.press("Enter");
  await expect(reminder).toHaveCount(0);
});

test("two audio outputs get their own players and play in turn with Space", async ({ page }) => {
  await page.goto(audio.invitePath);
  await startRating(page);
  await expect(page.getByLabel("Left audio")).toHaveAttribute("src", /^\/media\/[A-Za-z0-9_-]+$/);
  await expect(page.getByLabel("Right audio")).toHaveAttribute("src", /^\/media\/[A-Za-z0-9_-]+$/);
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("audio")].every((a) => a.readyState >= 3)))
    .toBe(true);
  await page.keyboard.press(" ");
  // Left plays first, right waits; when left ends, right plays.
  await expect
    .poll(async () => (await mediaState(page, "audio")).map((a) => a.paused))
    .toEqual([false, true]);
  await expect.poll(async () => (await mediaState(page, "audio"))[1]!.paused, { timeout: 5_000 }).toBe(false);
});
