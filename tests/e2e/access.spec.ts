/** Pages behind sign-in, unknown projects, keyboard focus, and both colour schemes. */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/env";
import { sectionNav, signIn } from "./support/session";

test("a signed-out visit to a project page goes to sign-in", async ({ page }) => {
  await page.goto("/p/demo/models");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test.describe("signed in as the admin", () => {
  test.describe.configure({ mode: "serial" });
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext();
    page = await context.newPage();
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  test.afterAll(async () => {
    await context.close();
  });

  test("an unknown project is not found", async () => {
    const res = await page.goto("/p/no-such-project/models");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("Tab reaches the section links, and keyboard focus is visible", async () => {
    await page.goto("/p/demo");
    let inNav = false;
    for (let i = 0; i < 20 && !inNav; i++) {
      await page.keyboard.press("Tab");
      inNav = await page.evaluate(
        () =>
          document.activeElement?.closest('nav[aria-label="Project sections"]') != null &&
          document.activeElement?.tagName === "A",
      );
    }
    expect(inNav).toBe(true);
    const focused = page.locator(":focus");
    await expect(focused).toHaveText("Overview");
    const outline = await focused.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThan(0);
    await page.keyboard.press("Tab");
    await expect(page.locator(":focus")).toHaveText("Studies");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Studies" })).toBeVisible();
    await expect(sectionNav(page).getByRole("link", { name: "Studies" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("the navigation fits 1280×720 without horizontal scrolling", async () => {
    await page.goto("/p/demo/outputs");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const settings = sectionNav(page).getByRole("link", { name: "Settings" });
    const box = await settings.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(720);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the ${scheme} colour scheme is followed`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/p/demo");
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const channels = (bg.match(/[\d.]+/g) ?? []).map(Number);
      // rgb(r, g, b) → mean channel; Tailwind 4 colours may come back as oklch(L …) with L in 0–1.
      const lightness = bg.startsWith("oklch")
        ? (channels[0] ?? 0) * 255
        : channels.slice(0, 3).reduce((a, b) => a + b, 0) / 3;
      if (scheme === "light") expect(lightness).toBeGreaterThan(200);
      else expect(lightness).toBeLessThan(60);
    });
  }
});
