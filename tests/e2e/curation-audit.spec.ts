/**
 * A human audit of curation filters in Chromium: a curator starts one from a finished run's page;
 * a rater finds it on the project's overview and answers every item with the keyboard, blind to
 * the filters, goes back to change an answer, and the curator's funnel shows each filter's
 * measured precision and the kept set's miss rate.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { testPipeline, writeTestCorpus } from "@loupe/curation/testing";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signedIn } from "./support/session";

const AUDITOR = { email: "filter-auditor@e2e.test", password: "filter-auditor-1" };
const projectSlug = "demo";

test("a curator audits a run's filters and a rater answers them blind, by keyboard", async ({
  page,
  browser,
}) => {
  const corpus = path.join(process.env.LOUPE_E2E_DATA_DIR!, "corpora", "e2e-audit");
  await writeTestCorpus(corpus);
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(page);
  await api.members.add.mutate({ projectSlug, ...AUDITOR, role: "rater" });
  const run = await api.curation.create.mutate({
    projectSlug,
    definition: testPipeline(corpus, "audited photos"),
  });
  await expect
    .poll(async () => (await api.curation.get.query({ projectSlug, runId: run.id })).status, {
      timeout: 60_000,
    })
    .toBe("done");

  await page.goto(`/p/${projectSlug}/curation/${run.id}`);
  await page.getByLabel("Items per group").fill("2");
  await page.getByLabel("Answers per item").fill("1");
  await page.getByRole("button", { name: "Start audit" }).click();
  // kept 2, near-duplicates 2, and one each for resolution, exposure, borders and sharpness.
  await expect(page.getByTestId("audit")).toContainText("0 of 8 answers", { timeout: 30_000 });

  const context = await browser.newContext();
  const rater = await context.newPage();
  await signedIn(rater, AUDITOR.email, AUDITOR.password);
  await rater.goto(`/p/${projectSlug}`);
  const waiting = rater.getByRole("region", { name: "Audit curation filters" });
  await expect(waiting).toContainText("audited photos");
  await waiting.getByRole("link", { name: "Start" }).click();
  await expect(rater.getByText("Should this have been dropped from the training set?")).toBeVisible();
  await expect(rater.locator("[data-keys-ready=true]")).toBeVisible();
  // Blind: nothing on the page names the file, the filter or its reason.
  const workspace = rater.getByRole("region", { name: "Item to audit" });
  expect(await workspace.innerText()).not.toMatch(
    /\.png|\.jpg|sharpness|exposure|border|resolution|hamming/i,
  );
  for (let answered = 1; answered <= 8; answered++) {
    await expect(rater.getByRole("img", { name: "Item to audit" })).toBeVisible();
    await rater.keyboard.press("d");
    await expect(rater.getByLabel("Audit progress")).toContainText(`You answered ${answered} ·`);
  }
  await expect(rater.getByRole("heading", { name: "Nothing left for you to answer here" })).toBeVisible();
  // Back to the last answer, and change it.
  await rater.keyboard.press("b");
  await expect(rater.getByText("You answered this item: Drop it")).toBeVisible();
  await rater.keyboard.press("k");
  await expect(rater.getByRole("heading", { name: "Nothing left for you to answer here" })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByTestId("audit")).toContainText("8 of 8 answers");
  const funnel = page.getByTestId("funnel-table");
  await expect(funnel.getByRole("columnheader", { name: "Human audit" })).toBeVisible();
  // Every filter's drops were answered "drop" (one answer may have been changed to keep).
  await expect(funnel.getByRole("row", { name: /Exposure/ })).toContainText(/would drop/);
  await expect(funnel.getByRole("row", { name: /Kept set/ })).toContainText(/of 2 would drop/);
});
