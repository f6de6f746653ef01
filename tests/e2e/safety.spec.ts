/**
 * A safety review in Chromium: a reviewer works through items with the keyboard only (blurred
 * media revealed by key, grayscale, policy labels by number, severity by letter), one review at
 * the high severity escalates its item, a senior reviewer decides it in the escalation queue, and
 * the researcher's report moves from "awaiting a senior" to decided, with the new rate. (That a
 * pairwise rater cannot open a safety review is checked for every route in
 * tests/integration/safety-access.test.ts.)
 */
import { expect, test, type Page } from "@playwright/test";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signIn, signedIn, startRating } from "./support/session";

test.describe.configure({ mode: "serial" });

const REVIEWER = { email: "safety-reviewer@e2e.test", password: "safety-reviewer-1" };
const SENIOR = { email: "safety-senior@e2e.test", password: "safety-senior-1" };
const DEMO_MODELS = ["demo-noisy-v0", "demo-sharp-v2", "demo-soft-v1"];
const projectSlug = "demo";
let admin: Page;
let studyId = "";

test.beforeAll(async ({ browser }) => {
  admin = await browser.newPage();
  // The worker's admin session when it has one: sign-ins are rate-limited per client.
  await signedIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(admin);
  const reviewer = await api.members.add.mutate({ projectSlug, ...REVIEWER, role: "reviewer" });
  const senior = await api.members.add.mutate({ projectSlug, ...SENIOR, role: "reviewer" });
  const [models, sets] = await Promise.all([
    api.models.list.query({ projectSlug }),
    api.promptSets.list.query({ projectSlug }),
  ]);
  const study = await api.studies.create.mutate({
    projectSlug,
    name: "Keyboard safety review of demo-sharp-v2",
    config: {
      kind: "safety",
      instructions: "Label what the policy forbids. **Reveal** only when ready.",
      modelIds: models.filter((m) => m.name === "demo-sharp-v2").map((m) => m.id),
      promptSetIds: sets.filter((s) => s.name === "Demo prompts").map((s) => s.id),
      reviewerUserIds: [reviewer.userId],
      seniorReviewerUserIds: [senior.userId],
      overlap: 1,
    },
  });
  studyId = study.id;
  await api.studies.launch.mutate({ projectSlug, studyId });
});

test.afterAll(async () => {
  await admin.close();
});

/** The report's count for one summary card. */
const summary = (page: Page, label: string) =>
  page.locator('dl[aria-label="Items"] > div', { hasText: label }).locator("dd");
const anyViolation = (page: Page) =>
  page
    .getByRole("table", { name: "Violation rates" })
    .getByRole("row", { name: /demo-sharp-v2/ })
    .getByRole("cell")
    .first();

test("a reviewer labels items with the keyboard; a high severity escalates", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: string[] = [];
  page.on("response", async (res) => {
    if (res.url().includes("/api/trpc") || res.url().includes("/review/"))
      bodies.push(await res.text().catch(() => ""));
  });
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await page.goto(`/p/${projectSlug}/safety`);
  const mine = page.getByRole("listitem", { name: /Safety review \d+/ });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("0 of 32 reviewed");
  await mine.getByRole("link", { name: "Review", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${studyId}$`));
  await expect(page.getByRole("heading", { name: "Before you start" })).toBeVisible();
  await startRating(page);

  // Item 1: blurred until revealed with v; grayscale with g; violence (2), high (e), Enter.
  await expect(page.getByRole("img", { name: "Blurred preview" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Output under review" })).toHaveCount(0);
  await page.keyboard.press("v");
  await expect(page.getByRole("img", { name: "Output under review" })).toBeVisible();
  await expect(page.getByTestId("exposures")).toHaveText(/Exposures this session: 1/);
  await page.keyboard.press("g");
  await expect(page.getByRole("button", { name: "Grayscale" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("2");
  await expect(page.getByRole("checkbox", { name: "Violence and gore" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.keyboard.press("e");
  await expect(page.getByRole("radio", { name: "High" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toHaveText(/1 of 32 reviewed/);

  // Item 2: nothing found (n). Item 3: a label without a severity is refused, then low (q).
  await expect(page.getByRole("img", { name: "Blurred preview" })).toBeVisible();
  await page.keyboard.press("n");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toHaveText(/2 of 32 reviewed/);
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Choose a severity");
  await page.keyboard.press("q");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toHaveText(/3 of 32 reviewed/);

  // Blind: nothing the reviewer's browser received named a model or the study.
  const everything = bodies.join("\n") + (await page.content());
  for (const name of DEMO_MODELS) expect(everything).not.toContain(name);
  expect(everything).not.toContain("Keyboard safety review");

  // The researcher's report: two decided (one violating), one waiting for a senior.
  await admin.goto(`/p/${projectSlug}/safety/${studyId}`);
  await expect(
    admin.getByRole("heading", { level: 1, name: "Keyboard safety review of demo-sharp-v2" }),
  ).toBeVisible();
  await expect(summary(admin, "Escalated, awaiting a senior")).toHaveText("1");
  await expect(summary(admin, "Decided by a senior")).toHaveText("0");
  await expect(anyViolation(admin)).toContainText("50.0%");
  await expect(anyViolation(admin)).toContainText("1/2");
  await context.close();
});

test("the senior reviewer decides the escalated item, and the report changes", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, SENIOR.email, SENIOR.password);
  await page.goto(`/review/${studyId}/escalations`);
  await expect(page.getByRole("heading", { name: "Escalations" })).toBeVisible();
  const item = page.getByRole("article", { name: "Escalated item" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("High-severity review");
  await expect(item.getByRole("list", { name: "Reviews" })).toContainText("Violence and gore");
  await item.getByRole("button", { name: "Reveal media" }).click();
  await expect(item.getByRole("img", { name: "Output under review" })).toBeVisible();

  const decision = item.getByRole("form", { name: "Final decision" });
  await decision.getByRole("checkbox", { name: "Violence and gore" }).click();
  await decision.getByRole("radio", { name: "High" }).check();
  await decision.getByRole("button", { name: "Record final decision" }).click();
  // A decision needs its reason.
  await expect(decision.getByRole("alert")).toHaveText("Give the reason for the decision.");
  await decision
    .getByRole("textbox", { name: "Reason" })
    .fill("Graphic injury in the foreground; policy 2.1.");
  await decision.getByRole("button", { name: "Record final decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded");
  await expect(page.getByRole("heading", { name: "No open escalations" })).toBeVisible();
  await context.close();

  await admin.reload();
  await expect(summary(admin, "Escalated, awaiting a senior")).toHaveText("0");
  await expect(summary(admin, "Decided by a senior")).toHaveText("1");
  await expect(anyViolation(admin)).toContainText("66.7%");
  await expect(anyViolation(admin)).toContainText("2/3");
  // The audit trail shows the decision with who made it.
  await expect(admin.getByRole("table", { name: "Audit trail" })).toContainText("safety.escalation.resolve");
  await expect(admin.getByRole("table", { name: "Audit trail" })).toContainText(SENIOR.email);
});

test("a researcher saves a new policy version, and creates and launches a review through the form", async () => {
  const page = admin;
  await page.goto(`/p/${projectSlug}/safety/policy`);
  const editor = page.getByRole("form", { name: "Policy editor" });
  await editor.getByRole("button", { name: "Add category" }).click();
  const added = editor.getByRole("group", { name: "Category 11", exact: true });
  await added.getByRole("textbox", { name: "Id", exact: true }).fill("deepfakes");
  await added.getByRole("textbox", { name: "Label", exact: true }).fill("Deepfakes");
  await editor.getByRole("textbox", { name: "What changed" }).fill("Add deepfakes");
  await editor.getByRole("button", { name: /Save as version \d+/ }).click();
  await expect(page.getByRole("heading", { name: /Saved as version \d+/ })).toBeVisible();
  // The running review keeps the version it was created with.
  await expect(page.getByRole("list", { name: "Running studies that keep their version" })).toContainText(
    "Keyboard safety review of demo-sharp-v2",
  );
  await expect(page.getByRole("table", { name: "Version history" })).toContainText("Add deepfakes");

  await page.goto(`/p/${projectSlug}/safety/new`);
  const form = page.getByRole("form", { name: "New safety review" });
  await form.getByRole("textbox", { name: "Name" }).fill("Form-made review of demo-soft-v1");
  await form
    .getByRole("group", { name: "Prompt sets" })
    .getByRole("checkbox", { name: /Demo prompts/ })
    .check();
  await form
    .getByRole("group", { name: "Models" })
    .getByRole("checkbox", { name: /demo-soft-v1/ })
    .check();
  await form
    .getByRole("group", { name: "Reviewers", exact: true })
    .getByRole("checkbox", { name: new RegExp(ADMIN_EMAIL) })
    .check();
  await form
    .getByRole("group", { name: "Senior reviewers" })
    .getByRole("checkbox", { name: new RegExp(ADMIN_EMAIL) })
    .check();
  await form.getByRole("spinbutton", { name: "Reviewers per item" }).fill("1");
  await form.getByRole("button", { name: "Create and launch" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectSlug}/safety/[0-9a-f-]{36}$`));
  await expect(
    page.getByRole("heading", { level: 1, name: "Form-made review of demo-soft-v1" }),
  ).toBeVisible();
  await expect(summary(page, "Total items")).toHaveText("32");
  await expect(page.getByText(/Policy version [2-9]/)).toBeVisible();
});
