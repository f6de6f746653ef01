/**
 * Study results in the browser: raters judge a demo-project study (through the rating API, as
 * their browsers would), the worker computes the results, and the researcher reads the results
 * page — ratings, pairs, heatmaps, tags, agreement — switches to the per-item majority, downloads
 * a CSV, and shares a read-only link that stops working when revoked.
 */
import crypto from "node:crypto";
import { createTRPCClient, httpLink } from "@trpc/client";
import { expect, test, type Page } from "@playwright/test";
import type { AppRouter } from "@loupe/api";
import { superjsonLite } from "@loupe/api/transformer";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from "./support/env";
import { signedIn } from "./support/session";

test.describe.configure({ mode: "serial" });

const DEMO_MODELS = ["demo-noisy-v0", "demo-sharp-v2", "demo-soft-v1"];
const projectSlug = "demo";
let admin: Page;
let studyId = "";
let sharePath = "";

/** An external rater: opens the invite link and keeps the session cookie it sets. */
async function rater(invitePath: string) {
  const res = await fetch(`${BASE_URL}${invitePath}`, { redirect: "manual" });
  const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${BASE_URL}/api/trpc`, transformer: superjsonLite, headers: { cookie } })],
  });
}

test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  await signedIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(admin);
  const [models, sets] = await Promise.all([
    api.models.list.query({ projectSlug }),
    api.promptSets.list.query({ projectSlug }),
  ]);
  const study = await api.studies.create.mutate({
    projectSlug,
    name: "Results study",
    config: {
      kind: "pairwise",
      template: "side-by-side",
      axes: [{ id: "overall", question: "Which image is better?" }],
      modelIds: models.filter((m) => DEMO_MODELS.includes(m.name)).map((m) => m.id),
      promptSetIds: sets.filter((s) => s.name === "Demo prompts").map((s) => s.id),
      overlap: 2,
    },
  });
  studyId = study.id;
  await api.studies.launch.mutate({ projectSlug, studyId });
  const invite = await api.studies.createInvite.mutate({ projectSlug, studyId });
  // Two raters judge every task; they lean to the left side, as tired raters do.
  for (const client of [await rater(invite.path), await rater(invite.path)]) {
    for (let n = 0; ; n++) {
      const next = await client.rating.next.mutate({ studyId });
      if (next.status !== "task") break;
      await client.rating.submit.mutate({
        studyId,
        assignmentId: next.task.assignmentId,
        idempotencyKey: crypto.randomUUID(),
        answers: { overall: n % 4 === 3 ? "right" : n % 7 === 0 ? "tie" : "left" },
      });
    }
  }
  // Leave the study completed: other specs list the demo project's active studies.
  await api.studies.setStatus.mutate({ projectSlug, studyId, status: "completed" });
});

test.afterAll(async () => {
  await admin.close();
});

test("the results page shows ratings, pairs, tags and agreement once the worker has computed them", async () => {
  await admin.goto(`/p/${projectSlug}/studies/${studyId}`);
  await admin.getByRole("navigation", { name: "Study views" }).getByRole("link", { name: "Results" }).click();
  // The worker computes a few seconds after the last judgment; the page polls until then.
  const ratings = admin.getByTestId("ratings-table");
  await expect(ratings).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByTestId("results-status")).toContainText("up to date");
  for (const model of DEMO_MODELS) await expect(ratings).toContainText(model);
  await expect(ratings).toContainText("95% interval (bootstrap over prompts)");
  // Speed beside quality: the demo outputs recorded their latency and steps.
  await expect(ratings.getByRole("columnheader", { name: "Median latency" })).toBeVisible();
  await expect(ratings.getByRole("columnheader", { name: "Steps" })).toBeVisible();
  await expect(admin.getByTestId("ratings-chart").locator("svg").first()).toBeVisible();
  await expect(admin.getByTestId("pairs-table")).toContainText("Wilson 95%");
  await expect(admin.getByTestId("win-rate-heatmap")).toBeVisible();
  await expect(admin.getByTestId("judgments-heatmap")).toBeVisible();
  const breakdown = admin.getByTestId("breakdown-table");
  await expect(breakdown).toContainText("demo-sharp-v2");
  await admin.getByLabel("Show per tag").selectOption({ label: "Net win rate per pair" });
  await expect(breakdown).toContainText(" vs ");
  await admin.getByLabel("Show per tag").selectOption({ label: "Agreement and position bias" });
  await expect(breakdown).toContainText("Fleiss' κ");
  await expect(admin.getByTestId("rater-agreement").locator("tbody tr")).toHaveCount(2);
  await expect(admin.getByTestId("reliability-panel")).toContainText("(bootstrap over items)");
  // Raters leaned left: the position-bias test says so.
  await expect(admin.getByTestId("position-bias")).toContainText("Raters favoured one side");

  const countLine = admin.getByText(/“Which image is better\?”/);
  await expect(countLine).toContainText("judgments");
  await admin.getByLabel("Majority per item").check();
  await expect(countLine).toContainText("items (majority of their raters)");
  await admin.getByLabel("Correct ratings for position bias").check();
  await expect(admin.getByRole("heading", { name: "Ratings, corrected for position bias" })).toBeVisible();
  await expect(admin.getByText(/Left-side advantage fitted: \d+ points/)).toBeVisible();
});

test("automatic metrics run from the results page, show per model beside the raters, and list on the Metrics page", async () => {
  await admin.goto(`/p/${projectSlug}/studies/${studyId}/results`);
  const form = admin.getByRole("form", { name: "New evaluation" });
  // The built-in OCR text detector needs no registered model; CLIP score does, and says how.
  await expect(form).toContainText("needs a registered clip model");
  await form.getByLabel("Text area").check();
  await form.getByRole("button", { name: "Start evaluation" }).click();
  const table = admin.getByRole("table", { name: "Automatic metrics per model" });
  await expect(table).toBeVisible({ timeout: 60_000 });
  for (const model of DEMO_MODELS) await expect(table).toContainText(model);
  await expect(table.getByRole("columnheader", { name: "Text area ↓" })).toBeVisible();
  // How well it tracks the raters: rank correlation with the ratings, and per-pair agreement.
  await expect(table.getByRole("row", { name: /Agreement with raters/ })).toContainText("ρ");
  await expect(table.getByRole("row", { name: /Agreement with raters/ })).toContainText("pairs");

  await admin
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Metrics" })
    .click();
  await admin.getByRole("link", { name: "text-area" }).first().click();
  await expect(admin.getByRole("table", { name: "Metrics per model" })).toContainText("demo-sharp-v2");
  // Back to the results page, where the next tests start.
  await admin.goto(`/p/${projectSlug}/studies/${studyId}/results`);
  await expect(admin.getByTestId("ratings-table")).toBeVisible({ timeout: 30_000 });
});

test("every table downloads as CSV", async () => {
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("button", { name: "Ratings CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-ratings\.csv$/);
  const text = await (await download.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString("utf8");
  expect(csv.split("\r\n")[0]).toMatch(
    /^axis,aggregation,position_corrected,rank,rank_upper_bound,model,rating/,
  );
  expect(csv).toContain("demo-sharp-v2");
});

test("the planner says how many more judgments each pair needs", async () => {
  await admin.getByLabel("Width (points of %)").fill("5");
  await expect(admin.getByTestId("plan-table").locator("tbody tr")).toHaveCount(3);
  await expect(admin.getByTestId("plan-total")).toContainText("more judgments in all");
});

test("a share link opens the leaderboard without an account, until it is revoked", async ({ browser }) => {
  await admin.getByRole("button", { name: "Create a share link" }).click();
  const link = admin.getByTestId("new-share-link");
  await expect(link).toBeVisible();
  sharePath = new URL((await link.textContent())!).pathname;

  const visitor = await browser.newPage();
  await visitor.goto(sharePath);
  await expect(visitor.getByRole("heading", { level: 1, name: "Results study" })).toBeVisible();
  await expect(visitor.getByTestId("ratings-table")).toContainText("demo-sharp-v2");
  // Nothing about individual raters is shown through a share link.
  await expect(visitor.getByTestId("rater-agreement")).toHaveCount(0);

  await admin.getByRole("button", { name: /^Revoke/ }).click();
  await expect(admin.getByText(/revoked/)).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByText("This share link does not exist or was revoked.")).toBeVisible();
  await visitor.close();
});

test("the project's Leaderboards pool the studies of a template", async () => {
  await admin.goto(`/p/${projectSlug}/leaderboards`);
  const board = admin.getByTestId("project-leaderboard");
  await expect(board.getByTestId("ratings-table")).toContainText("demo-sharp-v2");
  await expect(board).toContainText("Results study");
  await expect(board).toContainText("95% interval (bootstrap over counts)");
  // The text-area evaluation of the study above, as a column beside the pooled ratings.
  const metrics = board.getByRole("table", { name: "Automatic metrics per model" });
  await expect(metrics.getByRole("columnheader", { name: "Text area ↓" })).toBeVisible();
  for (const model of DEMO_MODELS) await expect(metrics).toContainText(model);
  await expect(metrics.getByRole("row", { name: /Agreement with raters/ })).toContainText("ρ");
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    board.getByRole("button", { name: "Leaderboard CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("leaderboard-side-by-side-overall.csv");
});
