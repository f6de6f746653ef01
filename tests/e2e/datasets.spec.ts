/**
 * A researcher exports the demo study's preferences from the Datasets page: the export is built
 * by the worker, downloads as a tar holding its manifest, card and files, and can be deleted.
 */
import { expect, test } from "@playwright/test";
import tar from "tar-stream";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { signedIn } from "./support/session";

test("an export is made, built, downloaded and deleted from the Datasets page", async ({ page }) => {
  await signedIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto("/p/demo/datasets");
  const form = page.getByRole("form", { name: "New export" });
  await form.getByLabel("Dataset name").fill("demo-dpo");
  await form.getByLabel("Layout").selectOption("dpo");
  await form.getByRole("checkbox", { name: /Demo side-by-side/ }).check();
  await form.getByRole("button", { name: "Create export" }).click();

  const table = page.getByRole("table", { name: "Dataset exports" });
  const row = table.getByRole("row", { name: /demo-dpo/ });
  await expect(row).toContainText("ready", { timeout: 60_000 });
  await expect(row).toContainText("dpo");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("link", { name: "Download .tar" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("demo-dpo-v1.tar");
  const names: string[] = [];
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    names.push(header.name);
    stream.resume();
    stream.on("end", next);
  });
  await new Promise<void>((resolve, reject) => {
    extract.on("finish", resolve).on("error", reject);
    download
      .createReadStream()
      .then((s) => s.pipe(extract))
      .catch(reject);
  });
  expect(names).toContain("demo-dpo-v1/manifest.json");
  expect(names).toContain("demo-dpo-v1/README.md");
  expect(names.some((n) => /^demo-dpo-v1\/(train|validation|test)\.jsonl$/.test(n))).toBe(true);
  expect(names.some((n) => n.startsWith("demo-dpo-v1/images/"))).toBe(true);

  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(table.getByRole("row", { name: /demo-dpo/ })).toHaveCount(0);
});
