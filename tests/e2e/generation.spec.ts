/**
 * Generation in the browser: an owner stores an inference server's key in Settings, sets a
 * model's http adapter on the Models page, starts a generation job, watches it finish with its
 * failures listed, and opens the study wizard from it. The inference server is a real local HTTP
 * server this test starts; the worker is the one `loupe start` runs.
 */
import { expect, test, type Page } from "@playwright/test";
import { startGeneratorServer, type GeneratorServer } from "../integration/support/generator-server";
import { apiAs } from "./support/api";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { openSection, signedIn } from "./support/session";

test.describe.configure({ mode: "serial" });

const projectSlug = "gen-e2e";
let page: Page;
let server: GeneratorServer;

test.beforeAll(async ({ browser }) => {
  server = await startGeneratorServer();
  page = await browser.newPage();
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = await apiAs(page);
  await api.projects.create.mutate({ name: "Generation e2e", slug: projectSlug });
  await api.promptSets.create.mutate({
    projectSlug,
    name: "gen-prompts",
    prompts: ["a red cube", "a blue sphere", "fail dog"].map((text, i) => ({
      externalId: `g${i + 1}`,
      text,
    })),
  });
  await api.models.create.mutate({ projectSlug, name: "remote" });
});
test.afterAll(async () => {
  await server?.close();
});

test("an owner stores a secret that is never shown again", async () => {
  await page.goto(`/p/${projectSlug}`);
  await openSection(page, "Settings");
  await page.getByLabel("Secret name").fill("inference-key");
  await page.getByLabel("Secret value").fill("sk-e2e-secret-value");
  await page.getByRole("button", { name: "Save secret" }).click();
  await expect(page.getByText("Saved inference-key (encrypted).")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "inference-key" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("rowheader", { name: "inference-key" })).toBeVisible();
  expect(await page.content()).not.toContain("sk-e2e-secret-value");
});

test("a model's adapter is set on the Models page, and a bad setting is named", async () => {
  await openSection(page, "Models");
  await page.getByRole("button", { name: "Set how remote is run" }).click();
  const editor = page.getByLabel("Adapter settings for remote (JSON)");
  await editor.fill(JSON.stringify({ kind: "http", url: "not a url" }));
  await page.getByRole("button", { name: "Save adapter" }).click();
  await expect(page.getByText(/http:\/\/ or https:\/\/ URL/)).toBeVisible();
  await editor.fill(
    JSON.stringify({ kind: "http", url: `${server.url}/generate`, authSecret: "inference-key", attempts: 1 }),
  );
  await page.getByRole("button", { name: "Save adapter" }).click();
  await expect(page.getByRole("row", { name: /^remote / })).toContainText("http adapter");
});

test("a generation job runs to the end with live progress and its failures, and opens a study", async () => {
  await openSection(page, "Generation");
  await expect(page.getByText("No generation jobs yet")).toBeVisible();
  await page.getByLabel("Model").selectOption({ label: "remote (http)" });
  await page.getByLabel("Prompt set").selectOption({ label: "gen-prompts (3 prompts)" });
  await page.getByLabel("Seeds").fill("2");
  await page.getByRole("button", { name: "Start generating" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Generation job" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /remote on gen-prompts/ })).toContainText("done", {
    timeout: 30_000,
  });
  await expect(page.getByRole("progressbar", { name: "Progress of remote on gen-prompts" })).toHaveAttribute(
    "aria-valuetext",
    "4 of 6 done, 2 failed",
  );
  const failures = page.getByRole("table", { name: "Items that failed, with the adapter’s error" });
  await expect(failures.getByRole("row")).toHaveCount(3);
  await expect(failures).toContainText("CUDA out of memory");
  expect([...server.authorizations]).toEqual(["Bearer sk-e2e-secret-value"]);

  await page.getByRole("link", { name: "Compare in a pairwise study" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New pairwise study" })).toBeVisible();
  await openSection(page, "Generation");
  await expect(page.getByRole("row", { name: /^remote / })).toContainText("done");
});
