/**
 * A data team's curation run from the Curation page, in Chromium: a pipeline typed as YAML/JSON
 * runs on the worker; the run page shows the funnel, projects it under an edited threshold without
 * re-running, shows what a stage removed and the near-duplicate clusters with their thumbnails,
 * and downloads the kept set; stages whose model is missing are listed as left out while the rest
 * runs; a video run shows its middle frames and downloads its clips.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  testPipeline,
  testVideoPipeline,
  writeTestCorpus,
  writeTestVideoCorpus,
} from "@loupe/curation/testing";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signedIn } from "./support/session";

test("a curation run is started, read, projected and downloaded from the Curation page", async ({ page }) => {
  const corpus = path.join(process.env.LOUPE_E2E_DATA_DIR!, "corpora", "e2e-photos");
  await writeTestCorpus(corpus);
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/p/demo/curation");
  await page.getByRole("button", { name: "YAML or JSON" }).click();
  await page
    .getByLabel("Pipeline (YAML or JSON)")
    .fill(JSON.stringify(testPipeline(corpus, "e2e photos"), null, 2));
  await page.getByRole("button", { name: "Start run" }).click();

  await expect(page.getByRole("heading", { name: /Funnel: 6 of 15 items kept/ })).toBeVisible({
    timeout: 60_000,
  });
  const funnel = page.getByTestId("funnel-table");
  await expect(funnel.getByRole("row", { name: /Near-duplicate removal/ })).toContainText("6");
  await expect(page.getByTestId("histogram-blur.sharpness")).toBeVisible();
  // A stage's measurements without a threshold fold away beneath the ones that decide.
  await expect(page.getByTestId("histogram-border.share")).toBeVisible();
  await expect(page.getByTestId("histogram-border.top")).toBeHidden();
  await expect(funnel.getByRole("columnheader", { name: "Time per item" })).toBeVisible();

  // Let every image pass the sharpness test: the blurred one would be kept too.
  await page.getByLabel("minSharpness").fill("0");
  await page.getByRole("button", { name: "Project funnel" }).click();
  await expect(page.getByRole("heading", { name: /projected 7/ })).toBeVisible();
  await expect(funnel.getByRole("columnheader", { name: "Projected remaining" })).toBeVisible();

  await page.getByLabel("Show").selectOption({ label: "Removed by Sharpness" });
  const blurred = page
    .getByRole("list", { name: "Sample items" })
    .getByRole("img", { name: "c-blurred.png" });
  await expect(blurred).toBeVisible();
  expect(await blurred.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByTestId("duplicate-cluster")).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Kept set" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("kept.parquet");

  await page.getByRole("link", { name: "← All curation runs" }).click();
  await expect(page.getByRole("row", { name: /e2e photos/ })).toContainText("done");
});

test("stages whose model is missing are listed as left out, and the rest of the run goes on", async ({
  page,
}) => {
  const corpus = path.join(process.env.LOUPE_E2E_DATA_DIR!, "corpora", "e2e-photos-skipped");
  await writeTestCorpus(corpus);
  const pipeline = testPipeline(corpus, "e2e photos, models missing");
  pipeline.stages.push(
    { stage: "aesthetic", model: "e2e-no-such-model" },
    { stage: "embedding", model: "e2e-no-such-clip" },
  );
  pipeline.concepts = { clusters: 2 };
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/p/demo/curation");
  await page.getByRole("button", { name: "YAML or JSON" }).click();
  await page.getByLabel("Pipeline (YAML or JSON)").fill(JSON.stringify(pipeline, null, 2));
  await page.getByRole("button", { name: "Start run" }).click();

  const leftOut = page.getByRole("list", { name: "Stages left out" });
  await expect(leftOut.getByRole("listitem")).toHaveCount(3, { timeout: 30_000 });
  await expect(leftOut).toContainText(
    'aesthetic left out: no evaluator model "e2e-no-such-model" is registered',
  );
  await expect(leftOut).toContainText(
    'embedding left out: no evaluator model "e2e-no-such-clip" is registered',
  );
  await expect(leftOut).toContainText("concepts left out: the concept pass needs the embedding stage");
  // The other stages decide as they would without the missing ones.
  await expect(page.getByRole("heading", { name: /Funnel: 6 of 15 items kept/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId("funnel-table").getByRole("row", { name: /Aesthetic/ })).toHaveCount(0);
});

test("a video run shows its funnel, middle-frame thumbnails and clips", async ({ page }) => {
  const corpus = path.join(process.env.LOUPE_E2E_DATA_DIR!, "corpora", "e2e-videos");
  await writeTestVideoCorpus(corpus);
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/p/demo/curation");
  await page.getByRole("button", { name: "YAML or JSON" }).click();
  await page
    .getByLabel("Pipeline (YAML or JSON)")
    .fill(JSON.stringify(testVideoPipeline(corpus, "e2e videos"), null, 2));
  await page.getByRole("button", { name: "Start run" }).click();

  await expect(page.getByRole("heading", { name: /Funnel: 2 of 8 videos kept/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId("funnel-table").getByRole("row", { name: /Motion/ })).toContainText("1");
  await expect(page.getByTestId("clips-summary")).toContainText("4 clips cut from the kept videos");
  await expect(page.getByTestId("histogram-motion.median")).toBeVisible();
  const moving = page.getByRole("list", { name: "Sample items" }).getByRole("img", { name: "v-moving.mp4" });
  await expect(moving).toBeVisible();
  expect(await moving.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Clips shard 0" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("clips-00000.tar");
});

test("a pipeline is built with the form, handed over as YAML, and started", async ({ page }) => {
  const corpus = path.join(process.env.LOUPE_E2E_DATA_DIR!, "corpora", "e2e-form");
  await writeTestCorpus(corpus);
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/p/demo/curation");
  const form = page.getByRole("form", { name: "Pipeline form" });
  await form.getByLabel("Name").fill("e2e form");
  await form.getByLabel("Folder").fill(corpus);
  await form.getByLabel("blur.minSharpness").fill("100");
  await form.getByLabel("Max Hamming distance (of 64 bits)").fill("8");
  // A threshold that is not a number is named before anything is sent.
  await form.getByLabel("exposure.minMeanLuma").fill("dark");
  await form.getByRole("button", { name: "Start run" }).click();
  await expect(form.getByText("exposure: minMeanLuma must be a number")).toBeVisible();
  await form.getByLabel("exposure.minMeanLuma").fill("0.08");

  await form.getByRole("button", { name: "Edit as YAML" }).click();
  const yaml = page.getByLabel("Pipeline (YAML or JSON)");
  await expect(yaml).toHaveValue(/name: e2e form/);
  await expect(yaml).toHaveValue(/stage: border/);
  await expect(yaml).toHaveValue(/maxDistance: 8/);
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByRole("heading", { name: /Funnel: \d+ of 15 items kept/ })).toBeVisible({
    timeout: 60_000,
  });
});
