/**
 * The administrator's first visit: sign in, find the demo project, open every section, create an
 * API key, verify media storage with a real job, add a rater, and sign out. One browser page
 * carries the session through the steps, in order.
 */
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { openSection, sectionNav, signIn } from "./support/session";

test.describe.configure({ mode: "serial" });

const DEMO_MODELS = ["demo-noisy-v0", "demo-sharp-v2", "demo-soft-v1"];
const RATER = { email: "rater@e2e.test", password: "rater-password-1" };

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});
test.afterAll(async () => {
  await page.close();
});

test("a wrong password is refused with a clear message", async () => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the admin signs in and finds the demo project, labelled as demo data", async () => {
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const card = page.locator('a[href="/p/demo"]');
  await expect(card).toBeVisible();
  await expect(card).toContainText("Demo data");
  await expect(page.getByRole("heading", { name: "Create a project" })).toBeVisible(); // admins may create projects
  await card.click();
  await expect(page).toHaveURL(/\/p\/demo$/);
  await expect(page.getByRole("note")).toContainText(
    "procedurally generated images — not real model outputs",
  );
  await expect(page.getByRole("combobox", { name: "Project" })).toHaveValue("demo");
  await expect(page.getByRole("banner")).toContainText(ADMIN_EMAIL);
});

test("the overview counts the project's contents", async () => {
  const counts = page.getByRole("list", { name: "Project contents" });
  await expect(counts.getByRole("link", { name: /^Models\s*3/ })).toBeVisible();
  await expect(counts.getByRole("link", { name: /^Prompt sets/ })).toBeVisible();
  await expect(counts.getByRole("link", { name: /^Outputs/ })).toBeVisible();
  await expect(counts.getByRole("link", { name: /^Studies/ })).toBeVisible();
  await expect(sectionNav(page).getByRole("link", { name: "Overview" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("Models lists the three demo models with their output counts", async () => {
  await openSection(page, "Models");
  const table = page.getByRole("table", { name: "Models" });
  for (const name of DEMO_MODELS) {
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("link", { name: new RegExp(`outputs of ${name}$`) })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Register model" })).toBeDisabled(); // nothing typed yet
});

test("Prompt sets lists the demo prompts with their tags", async () => {
  await openSection(page, "Prompt sets");
  const table = page.getByRole("table", { name: "Prompt sets" });
  await expect(table.getByRole("row")).toHaveCount(2); // header + the demo set
  await table.getByRole("link").first().click();
  const prompts = page.getByRole("table", { name: /^Prompts of / });
  await expect(prompts).toBeVisible();
  expect(await prompts.getByRole("row").count()).toBeGreaterThan(25);
  await expect(prompts.getByRole("list", { name: "Tags" }).first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/of \d+ prompts/);
  // The nav keeps Prompt sets current on the detail page.
  await expect(sectionNav(page).getByRole("link", { name: "Prompt sets" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("Outputs shows thumbnails that load, and filters by model", async () => {
  await openSection(page, "Outputs");
  const grid = page.getByRole("list", { name: "Outputs" });
  const images = grid.locator("img");
  await expect(images.first()).toBeVisible();
  expect(await images.count()).toBeGreaterThanOrEqual(12);
  // The first rows are on screen: every one of them must have decoded a real image.
  await expect
    .poll(() =>
      images.evaluateAll((els) =>
        (els as HTMLImageElement[]).slice(0, 12).every((img) => img.complete && img.naturalWidth > 0),
      ),
    )
    .toBe(true);
  const src = await images.first().getAttribute("src");
  expect(src).toMatch(/^\/media\/[A-Za-z0-9_-]+$/); // opaque URL: no hash, no model name

  const filter = page.getByLabel("Model", { exact: true });
  const sharp = await filter.locator("option", { hasText: "demo-sharp-v2" }).getAttribute("value");
  await filter.selectOption(sharp ?? "");
  await expect(page).toHaveURL(/[?&]model=/);
  await expect(grid.getByText("demo-sharp-v2").first()).toBeVisible();
  await expect(grid.getByText("demo-soft-v1")).toHaveCount(0);
});

test("Studies explains how studies get here", async () => {
  await openSection(page, "Studies");
  await expect(page.getByRole("main")).toContainText(/pairwise/i);
});

test("Leaderboards rank the demo models; Safety lists the demo review; Curation its demo run; Datasets says what will appear there", async () => {
  await openSection(page, "Leaderboards");
  // The demo study's simulated raters follow the demo models' intended order.
  const ratings = page.getByTestId("project-leaderboard").getByTestId("ratings-table");
  await expect(ratings.locator("tbody tr").first()).toContainText("demo-sharp-v2", { timeout: 30_000 });
  await expect(ratings.locator("tbody tr").last()).toContainText("demo-noisy-v0");
  await openSection(page, "Safety");
  // The demo's safety review, with its report one click away, and the project's policy.
  await expect(page.getByRole("table", { name: "Safety reviews" })).toContainText(
    "Demo safety review (simulated reviewers)",
  );
  await expect(page.getByRole("main")).toContainText("Content policy");
  await openSection(page, "Curation");
  await expect(page.getByRole("table", { name: "Curation runs" })).toContainText("Demo corpus");
  await openSection(page, "Datasets");
  await expect(page.getByTestId("no-exports")).toContainText("No exports yet");
  await expect(page.getByRole("form", { name: "New export" })).toContainText("Pick-a-Pic (Parquet)");
  // Empty states link to sections that exist, not to buttons that do nothing.
  await page.getByRole("main").getByRole("link", { name: "Studies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studies" })).toBeVisible();
});

test("Jobs runs a real media verification to success", async () => {
  await openSection(page, "Jobs");
  await page.getByRole("button", { name: "Verify media storage" }).click();
  const newest = page
    .getByRole("table", { name: "Jobs" })
    .locator('tr[data-job-task="media.verify"]')
    .first();
  await expect(newest).toBeVisible();
  await expect(newest).toHaveAttribute("data-job-status", "succeeded", { timeout: 60_000 });
  await expect(newest.getByRole("cell").first()).toContainText("succeeded");
  await expect(newest).toContainText(/(\d+) \/ \1/); // progress reached its total
  await expect(page.getByText("All jobs have finished.")).toBeVisible();
});

test("Settings creates an API key and shows it exactly once", async () => {
  await openSection(page, "Settings");
  await expect(page.getByRole("table", { name: "Members" })).toContainText(ADMIN_EMAIL);
  await page.getByLabel("Name", { exact: true }).fill("e2e uploader");
  await page.getByRole("button", { name: "Create key" }).click();
  const notice = page.getByRole("region", { name: /New API key/ });
  await expect(notice).toContainText("It is shown only once");
  const key = await page.getByLabel("The new API key").inputValue();
  expect(key).toMatch(/^loupe_[A-Za-z0-9_-]{20,}$/);
  const row = page
    .getByRole("table", { name: "API keys" })
    .getByRole("row")
    .filter({ hasText: "e2e uploader" });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await notice.getByRole("button", { name: "Done" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("table", { name: "API keys" })).toContainText("e2e uploader");
  expect(await page.content()).not.toContain(key);
});

test("Settings adds a rater with a first password", async () => {
  await page.getByLabel("Email", { exact: true }).fill(RATER.email);
  await page.getByLabel("Role", { exact: true }).selectOption("rater");
  await page.getByLabel("First password (optional)").fill(RATER.password);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText(`Added ${RATER.email} as rater.`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Members" })).toContainText(RATER.email);
});

test("signing out returns to the sign-in page and ends the session", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/p/demo/models");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a rater sees only what a rater can use", async () => {
  await signIn(page, RATER.email, RATER.password);
  await page.locator('a[href="/p/demo"]').click();
  await expect(sectionNav(page).getByRole("link")).toHaveText(["Overview"]);
  await expect(page.getByRole("main")).toContainText("Nothing to judge yet");
  await page.goto("/p/demo/models");
  await expect(page.getByRole("main")).toContainText("This section needs the researcher role");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});
