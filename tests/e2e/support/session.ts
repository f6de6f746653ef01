import { expect, type Cookie, type Page } from "@playwright/test";

/** Sign in through the sign-in form and wait for the project list. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your projects" })).toBeVisible();
}

/** Session cookies per account, kept for the specs of this Playwright worker. */
const sessions = new Map<string, Cookie[]>();

/**
 * Signed in as `email`, reusing this worker's earlier session when it is still valid. Specs that
 * are not about signing in use this: the sign-in endpoint allows 10 attempts a minute per client
 * (better-auth's rate limit), and the whole suite comes from one address.
 */
export async function signedIn(page: Page, email: string, password: string) {
  const cookies = sessions.get(email);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/");
    if (!page.url().endsWith("/sign-in")) {
      await expect(page.getByRole("heading", { level: 1, name: "Your projects" })).toBeVisible();
      return;
    }
  }
  await signIn(page, email, password);
  sessions.set(email, await page.context().cookies());
}

/** The project's section navigation. */
export function sectionNav(page: Page) {
  return page.getByRole("navigation", { name: "Project sections" });
}

/** Open a section from the navigation and wait for its page heading; the link becomes current. */
export async function openSection(page: Page, label: string, heading = label) {
  const link = sectionNav(page).getByRole("link", { name: label, exact: true });
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(link).toHaveAttribute("aria-current", "page");
}

/** On the rater's page: wait until it listens to the keyboard, then start with Enter. */
export async function startRating(page: Page) {
  await expect(page.locator('[data-keys-ready="true"]')).toHaveCount(1);
  await page.keyboard.press("Enter");
}
