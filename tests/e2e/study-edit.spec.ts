/**
 * A draft study's design goes back into the wizard: "Edit design" opens it with every choice as
 * saved, a change is saved, and the study page shows it. A launched study cannot be redesigned.
 */
import { expect, test, type Page } from "@playwright/test";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signedIn } from "./support/session";

test.describe.configure({ mode: "serial" });

const projectSlug = "demo";
let page: Page;
let studyId = "";

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(page);
  const [models, sets] = await Promise.all([
    api.models.list.query({ projectSlug }),
    api.promptSets.list.query({ projectSlug }),
  ]);
  const study = await api.studies.create.mutate({
    projectSlug,
    name: "Draft to edit",
    config: {
      kind: "pairwise",
      template: "side-by-side",
      axes: [{ id: "overall", label: "Overall", question: "Which image do you prefer overall?" }],
      // The demo's own models (other specs may register models without outputs in this project).
      modelIds: models.filter((m) => ["demo-sharp-v2", "demo-soft-v1"].includes(m.name)).map((m) => m.id),
      promptSetIds: sets.filter((s) => s.name === "Demo prompts").map((s) => s.id),
      overlap: 2,
      goldRatio: 0.1,
    },
  });
  studyId = study.id;
});

test("a draft opens in the wizard as saved, and a change is saved back", async () => {
  await page.goto(`/p/${projectSlug}/studies/${studyId}`);
  await page.getByRole("link", { name: "Edit design" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit draft study" })).toBeVisible();
  await expect(page.getByLabel("Study name")).toHaveValue("Draft to edit");
  await page.getByLabel("Study name").fill("Draft, edited");
  const next = () => page.getByRole("main").getByRole("button", { name: "Next →" }).click();
  await next();
  await next();
  await next();
  await expect(page.getByLabel("Raters per item")).toHaveValue("2");
  await page.getByLabel("Raters per item").fill("4");
  await next();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("The study was saved as a draft.")).toBeVisible();
  await page.getByRole("link", { name: "Open the study" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Draft, edited" })).toBeVisible();
  const design = page.getByRole("region", { name: "Design" });
  await expect(design.getByRole("definition").filter({ hasText: /^4$/ })).toHaveCount(1);
});

test("once launched, the design can no longer be edited", async () => {
  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page.getByRole("main").getByText("active", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit design" })).toHaveCount(0);
  await page.goto(`/p/${projectSlug}/studies/${studyId}/edit`);
  await expect(page.getByText("Only a draft's design can be edited")).toBeVisible();
});
