/**
 * The rater's page, driven with the keyboard only: an external rater opens an invite link with a
 * worker id, reads the instructions, answers with number keys, undoes, skips with a reason,
 * zooms with the magnifier and finishes with the completion code. Nothing the rater's browser
 * receives names a model.
 */
import { expect, test, type Page } from "@playwright/test";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signIn, signedIn, startRating } from "./support/session";

test.describe.configure({ mode: "serial" });

const DEMO_MODELS = ["demo-noisy-v0", "demo-sharp-v2", "demo-soft-v1"];
let invitePath = "";
let completionCode = "";
let studyId = "";
let admin: Page;

test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  await signedIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(admin);
  const projectSlug = "demo";
  const [templates, models, sets] = await Promise.all([
    api.studies.templates.query({ projectSlug }),
    api.models.list.query({ projectSlug }),
    api.promptSets.list.query({ projectSlug }),
  ]);
  const template = templates.find((t) => t.id === "side-by-side")!;
  const study = await api.studies.create.mutate({
    projectSlug,
    name: "Keyboard study (demo-sharp-v2 vs the rest)",
    config: {
      kind: "pairwise",
      template: "side-by-side",
      instructions: template.instructions,
      axes: template.axes,
      // The demo seed's models and prompts (other specs add their own to the demo project).
      modelIds: models.filter((m) => DEMO_MODELS.includes(m.name)).map((m) => m.id),
      promptSetIds: sets.filter((s) => s.name === "Demo prompts").map((s) => s.id),
      maxJudgmentsPerRater: 3,
    },
  });
  studyId = study.id;
  await api.studies.launch.mutate({ projectSlug, studyId });
  const invite = await api.studies.createInvite.mutate({
    projectSlug,
    studyId,
    label: "prolific",
    externalIdParam: "PROLIFIC_PID",
  });
  invitePath = invite.path.split("?")[0]!;
  completionCode = invite.completionCode;
});

test.afterAll(async () => {
  await admin.close();
});

test("an invite link without the worker id it asks for is refused with a clear message", async ({ page }) => {
  await page.goto(invitePath);
  await expect(page).toHaveURL(/\/rate\/unavailable/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/missing your worker id/);
});

test("a rater works through the study with the keyboard only and gets the completion code", async ({
  page,
}) => {
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if (res.url().includes("/api/trpc") || res.url().includes("/rate/"))
      bodies.push(await res.text().catch(() => ""));
  });

  await page.goto(`${invitePath}?PROLIFIC_PID=worker-123`);
  await expect(page).toHaveURL(new RegExp(`/rate/${studyId}$`));
  await expect(page.getByRole("heading", { name: "Before you start" })).toBeVisible();
  await expect(page.getByText("Which image would you rather have")).toBeVisible(); // instructions' Markdown
  await expect(page.getByTestId("progress")).toHaveText("0 of 3");
  await startRating(page);

  // Task 1: answer the three questions with 1 / 3 / 2 and submit.
  await expect(page.getByTestId("prompt")).not.toBeEmpty();
  await expect(page.getByRole("img", { name: "Left output" })).toBeVisible();
  await expect(page.getByTestId("axis-overall")).toHaveAttribute("data-active", "true");
  await page.keyboard.press("Enter"); // nothing answered yet: refused, with a message
  await expect(page.getByText("Answer “Overall” first.")).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByTestId("axis-alignment")).toHaveAttribute("data-active", "true");
  await page.keyboard.press("3");
  await page.keyboard.press("2");
  await expect(page.getByTestId("axis-overall").getByRole("button", { name: /Left better/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const firstPrompt = await page.getByTestId("prompt").textContent();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toHaveText("1 of 3");

  // Undo brings the pair back with its answers; change one and submit again.
  await page.keyboard.press("u");
  await expect(page.getByTestId("progress")).toHaveText("0 of 3");
  await expect(page.getByTestId("prompt")).toHaveText(firstPrompt!);
  await expect(
    page.getByTestId("axis-alignment").getByRole("button", { name: /Right better/ }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowRight");
  await expect(
    page.getByTestId("axis-overall").getByRole("button", { name: /Right better/ }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toHaveText("1 of 3");

  // The magnifier shows the same region of both images.
  await page.keyboard.press("z");
  await page.getByRole("img", { name: "Left output" }).hover({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId("magnifier-lens")).toHaveCount(2);
  await page.keyboard.press("z");

  // Skip one with a reason, then two more judgments reach the cap.
  await page.keyboard.press("s");
  await expect(page.getByRole("dialog", { name: "Why skip this pair?" })).toBeVisible();
  await page.keyboard.press("2");
  await expect(page.getByText("Skipped.")).toBeVisible();
  for (const n of [2, 3]) {
    await page.keyboard.press("4");
    await page.keyboard.press("4");
    await page.keyboard.press("4");
    await page.keyboard.press("Enter");
    if (n < 3) await expect(page.getByTestId("progress")).toHaveText(`${n} of 3`);
  }
  await expect(page.getByRole("heading", { name: "All done — thank you!" })).toBeVisible();
  await expect(page.getByTestId("completion-code")).toHaveText(completionCode);

  // Blind: neither the pages nor any API response named a model.
  const everything = bodies.join("\n") + (await page.content());
  for (const name of DEMO_MODELS) expect(everything).not.toContain(name);
  expect(everything).not.toContain("Keyboard study");

  // The researcher sees the three judgments and the skip.
  const api = await apiAs(admin);
  const monitor = await api.studies.monitor.query({ projectSlug: "demo", studyId });
  expect(monitor.progress.judgments).toBe(3);
  expect(monitor.skips).toEqual([{ reason: "media-broken", count: 1 }]);
  expect(monitor.raters).toHaveLength(1);
  expect(monitor.raters[0]).toMatchObject({ name: "worker-123", judgments: 3 });
});

test("a project member with the rater role finds the study on the overview and rates it signed in", async ({
  browser,
}) => {
  const member = { email: "member-rater@e2e.test", password: "member-rater-1" };
  const api = await apiAs(admin);
  await api.members.add.mutate({
    projectSlug: "demo",
    email: member.email,
    role: "rater",
    password: member.password,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, member.email, member.password);
  await page.locator('a[href="/p/demo"]').click();
  const rate = page.getByRole("region", { name: "Rate" });
  await expect(rate).toContainText(/Pairwise study \d+\s*0 of 3 judged/);
  // Blind: the overview names no study (names often carry model names).
  await expect(rate).not.toContainText("Keyboard study");
  await rate.getByRole("link", { name: "Start rating" }).first().click();
  await expect(page).toHaveURL(/\/rate\/[0-9a-f-]{36}$/);
  await startRating(page);
  await expect(page.getByTestId("prompt")).not.toBeEmpty();
  for (const key of ["3", "3", "3", "Enter"]) await page.keyboard.press(key);
  await expect(page.getByTestId("progress")).toHaveText("1 of 3");
  await page.goto("/p/demo");
  await expect(
    page.getByRole("region", { name: "Rate" }).getByRole("link", { name: "Continue rating" }),
  ).toHaveCount(1);
  await context.close();
});
