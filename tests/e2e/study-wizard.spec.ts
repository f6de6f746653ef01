/**
 * The researcher's side of a pairwise study: the wizard creates and launches a study on the demo
 * project, then the study page makes an invite link and a gold item, and the monitor shows the
 * progress; two external raters then open the invite link and rate with the keyboard only while
 * the monitor updates itself. One page carries the researcher's session through the steps, in order.
 */
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL } from "./support/env";
import { openSection, signedIn, startRating } from "./support/session";

test.describe.configure({ mode: "serial" });

const STUDY = `E2E side-by-side ${Date.now()}`;
const MODELS = ["demo-sharp-v2", "demo-soft-v1"];

let page: Page;
let tasks = 0;
let inviteUrl = "";

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/p/demo");
});
test.afterAll(async () => {
  await page.close();
});

const main = () => page.getByRole("main");
const currentStep = () =>
  page.getByRole("navigation", { name: "Wizard steps" }).locator('[aria-current="step"]');

async function next(expectedStep: string) {
  await main().getByRole("button", { name: "Next →" }).click();
  await expect(currentStep()).toContainText(expectedStep);
  // Keyboard and screen-reader focus moves to the new step's heading.
  await expect(page.locator(":focus")).toContainText(`: ${expectedStep}`);
}

test("the studies list links to the wizard", async () => {
  await openSection(page, "Studies");
  await main().getByRole("link", { name: "New study" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New pairwise study" })).toBeVisible();
  await expect(currentStep()).toContainText("Template");
});

test("step 1: a name is required, and the template is chosen from the six", async () => {
  await expect(page.getByRole("radio")).toHaveCount(6);
  await main().getByRole("button", { name: "Next →" }).click();
  await expect(main().getByRole("alert")).toHaveText("Give the study a name.");
  await expect(currentStep()).toContainText("Template");

  await page.getByLabel("Study name").fill(STUDY);
  await page.getByRole("radio", { name: /^Video A\/B/ }).check();
  await page.getByRole("radio", { name: /^Side-by-side preference/ }).check();
  await expect(page.getByRole("radio", { name: /^Side-by-side preference/ })).toBeChecked();
  await next("Models and prompts");
});

test("step 2: models with their output counts, the demo prompts, all pairs", async () => {
  await main().getByRole("button", { name: "Next →" }).click();
  await expect(main().getByRole("alert")).toContainText("Choose at least two models to compare.");
  for (const name of MODELS) {
    const box = page.getByRole("checkbox", { name: new RegExp(`^${name} \\(\\d+ outputs\\)`) });
    await box.check();
  }
  await page.getByRole("checkbox", { name: /^Demo prompts/ }).check();
  await page.getByRole("radio", { name: /against a baseline/ }).check();
  const baseline = page.getByLabel("Baseline model");
  await expect(baseline.locator("option")).toHaveText(["Choose a selected model…", ...MODELS]);
  await page.getByRole("radio", { name: /^All pairs/ }).check();
  await expect(baseline).toHaveCount(0);
  await next("Questions");
});

test("step 3: the template's questions are filled in, and a custom one is added", async () => {
  const legends = main().locator("fieldset > legend");
  await expect(legends.nth(0)).toContainText("Overall");
  await expect(legends.nth(1)).toContainText("Alignment");
  await expect(legends.nth(2)).toContainText("Visual appeal");
  await expect(page.getByLabel("Question", { exact: true }).first()).toHaveValue(
    "Which image do you prefer overall, given the prompt?",
  );
  // The optional "Counting" question is listed, off.
  await expect(page.getByTestId("axis-4")).toContainText("Counting");
  await expect(
    page.getByTestId("axis-4").getByRole("checkbox", { name: "Ask this question" }),
  ).not.toBeChecked();

  await main().getByRole("button", { name: "Add a question" }).click();
  const custom = page.getByTestId("axis-5");
  await custom
    .getByLabel("Question", { exact: true })
    .fill("Which image renders the text in the prompt correctly?");
  await custom.getByLabel("Short label").fill("Text");
  await custom.getByLabel("Answer scale").selectOption("five-point");
  await next("Raters and quality");
});

test("step 4: rater settings, quality control, and instructions previewed without running HTML", async () => {
  await expect(page.getByLabel("Raters per item")).toHaveValue("3");
  await page.getByLabel("Gold items (% of served tasks)").fill("10");
  await page.getByLabel("Lowest gold accuracy (%)").fill("70");
  await page.getByLabel("When a threshold is crossed").selectOption("exclude");
  const instructions = page.getByLabel("Instructions (Markdown)");
  await expect(instructions).toHaveValue(/^You will see a prompt and two images/);
  await instructions.fill('Look **closely**.\n\n<img src=x onerror="window.__pwned=1">');
  const preview = page.getByRole("region", { name: "Instructions preview" });
  await expect(preview.locator("strong")).toHaveText("closely");
  await expect(preview.locator("img")).toHaveCount(0);
  await expect(preview).toContainText('<img src=x onerror="window.__pwned=1">'); // shown as text
  expect(await page.evaluate(() => "__pwned" in window)).toBe(false);
  await next("Review");
});

test("step 5: the review reads the design back; create and launch shows the launch report", async () => {
  await expect(main()).toContainText(STUDY);
  await expect(main()).toContainText(MODELS.join(", "));
  await expect(main()).toContainText("Text: Which image renders the text in the prompt correctly?");
  await expect(main()).toContainText("gold accuracy ≥ 70% → exclude");
  await main().getByRole("button", { name: "Create and launch" }).click();
  const report = page.getByTestId("launch-report");
  await expect(report).toBeVisible();
  const text = (await report.textContent()) ?? "";
  const match = /(\d+) tasks over (\d+) prompts/.exec(text);
  expect(match).not.toBeNull();
  tasks = Number(match![1]);
  expect(tasks).toBeGreaterThan(0);
  expect(tasks).toBe(Number(match![2])); // two models: one pair per prompt
  await expect(report).toContainText("Every chosen model has an output for every prompt.");
  await expect(main().getByRole("button", { name: "Create and launch" })).toHaveCount(0); // no second study
});

test("the study page shows the study, running, with its design", async () => {
  await main().getByRole("link", { name: "Open the study" }).click();
  await expect(page).toHaveURL(/\/p\/demo\/studies\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: STUDY })).toBeVisible();
  await expect(main().getByText("active", { exact: true })).toBeVisible();
  await expect(main()).toContainText(`${tasks} tasks`);
  const design = page.getByRole("region", { name: "Design" });
  await expect(design).toContainText("Side-by-side preference");
  await expect(design).toContainText(MODELS.join(", "));
  await expect(design).toContainText("Demo prompts");
});

test("an invite link is created and its full URL shown", async () => {
  await page.getByLabel("Label", { exact: true }).fill("Prolific batch 1");
  await page.getByLabel("Most raters (optional)").fill("5");
  await page.getByLabel("Worker-id URL parameter (optional)").fill("PROLIFIC_PID");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const row = page
    .getByRole("table", { name: "Invite links" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Prolific batch 1" }) });
  await expect(row).toHaveCount(1);
  const url = row.getByRole("textbox", { name: "Invite link Prolific batch 1" });
  const escaped = BASE_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  await expect(url).toHaveValue(new RegExp(`^${escaped}/i/[A-Za-z0-9_-]{20,}\\?PROLIFIC_PID=`));
  inviteUrl = (await url.inputValue()).split("?")[0]!;
  await expect(row).toContainText("0 / 5");
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^[0-9A-F]{10}$/); // the generated completion code
});

test("a task becomes a gold item with expected answers, and the API's refusal is shown inline", async () => {
  const tasksTable = page.getByRole("table", { name: "Tasks" });
  const first = tasksTable.getByTestId("study-task").first();
  await expect(first).toHaveAttribute("data-gold", "false");
  await expect(first.getByRole("img")).toHaveCount(2); // both thumbnails
  await first.getByRole("button", { name: "Mark gold" }).click();
  const editor = page.getByRole("form", { name: "Expected answers" });
  await editor.getByRole("button", { name: "Save as gold" }).click();
  await expect(editor.getByRole("alert")).toHaveText("A gold item needs at least one expected answer.");

  await editor.getByLabel("Overall", { exact: true }).selectOption({ label: "A better" });
  await editor.getByLabel("Text", { exact: true }).selectOption({ label: "B much better" });
  await editor.getByRole("button", { name: "Save as gold" }).click();
  await expect(editor).toHaveCount(0);
  const gold = tasksTable.locator('[data-testid="study-task"][data-gold="true"]');
  await expect(gold).toHaveCount(1);
  await expect(gold).toContainText("Overall: A better");
  await expect(gold).toContainText("Text: B much better");

  await page.reload();
  await expect(main()).toContainText(`${tasks - 1} tasks + 1 gold`);
  await expect(page.getByTestId("study-task").first()).toHaveAttribute("data-gold", "true");
});

test("the monitor renders with no judgments yet", async () => {
  await page.getByRole("navigation", { name: "Study views" }).getByRole("link", { name: "Monitor" }).click();
  await expect(page).toHaveURL(/\/monitor$/);
  const totals = page.getByTestId("monitor-totals");
  await expect(totals).toContainText(`0 judgments of ${(tasks - 1) * 3}`); // the gold item has no target
  await expect(totals).toContainText("0 tasks being rated now");
  await expect(page.getByRole("progressbar", { name: "Judgments of the target" })).toHaveAttribute(
    "aria-valuenow",
    "0",
  );
  const pairs = page.getByRole("table", { name: "Progress by model pair" });
  await expect(pairs.getByRole("row")).toHaveCount(2); // header + the one pair
  await expect(pairs).toContainText(/demo-(sharp-v2|soft-v1)\s*vs\s*demo-(soft-v1|sharp-v2)/);
  await expect(page.getByRole("table", { name: "Progress by prompt" }).getByRole("row")).toHaveCount(tasks); // header + prompts with a regular task
  await expect(
    page.getByRole("list", { name: "Judgments per hour, last 24 hours" }).getByRole("listitem"),
  ).toHaveCount(24);
  await expect(main()).toContainText("No raters yet");
  await expect(main()).toContainText(/refreshes every 3 s/);
});

test("the study is paused and resumed from its header", async () => {
  await main().getByRole("button", { name: "Pause" }).click();
  await expect(main().getByText("paused", { exact: true })).toBeVisible();
  await main().getByRole("button", { name: "Resume" }).click();
  await expect(main().getByText("active", { exact: true })).toBeVisible();
  await expect(main().getByRole("button", { name: "Pause" })).toBeVisible();
});

test("two raters open the invite link, rate with the keyboard only, and the monitor updates live", async ({
  browser,
}) => {
  // The monitor stays open on the researcher's page; it refreshes itself.
  await page.getByRole("navigation", { name: "Study views" }).getByRole("link", { name: "Monitor" }).click();
  await expect(main()).toContainText("No raters yet");
  const totals = page.getByTestId("monitor-totals");
  await expect(totals).toContainText("0 judgments");

  for (const worker of ["alice", "bob"]) {
    const context = await browser.newContext();
    const rater = await context.newPage();
    await rater.goto(`${inviteUrl}?PROLIFIC_PID=${worker}`);
    await expect(rater.getByRole("heading", { name: "Before you start" })).toBeVisible();
    await expect(rater.getByText("closely")).toBeVisible(); // the researcher's instructions
    await startRating(rater);
    for (let n = 1; n <= 2; n++) {
      await expect(rater.getByTestId("prompt")).not.toBeEmpty();
      // Overall, alignment, appeal (A/B/tie scale), then the five-point "Text" question.
      for (const key of ["1", "3", "2", "4"]) await rater.keyboard.press(key);
      await rater.keyboard.press("Enter");
      await expect(rater.getByTestId("progress")).toHaveText(new RegExp(`^${n} of `));
    }
    // The rater's page never names the models it compares.
    for (const model of MODELS) expect(await rater.content()).not.toContain(model);
    await context.close();
  }

  const rows = page.getByTestId("rater-row");
  await expect(rows).toHaveCount(2, { timeout: 15_000 });
  await expect(rows.filter({ hasText: "alice" })).toContainText("2");
  await expect(rows.filter({ hasText: "bob" })).toContainText("2");
  // Four judgments, less those that answered the gold item: each rater may be shown it once, and a
  // gold answer has no target, so it is not in the total. The rater table says how many each gave.
  const goldJudged = async (name: string) => {
    const cell = await rows.filter({ hasText: name }).getByRole("cell").nth(1).textContent();
    const count = /of (\d+)/.exec(cell ?? "")?.[1];
    expect(count, `gold count for ${name} in "${cell}"`).toBeDefined();
    return Number(count);
  };
  await expect(async () => {
    const gold = (await goldJudged("alice")) + (await goldJudged("bob"));
    expect(gold).toBeLessThanOrEqual(2);
    await expect(totals).toContainText(`${4 - gold} judgments of`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
