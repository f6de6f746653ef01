/**
 * A tRPC client for specs that need to set something up as a signed-in user without clicking
 * through every form (the forms have their own specs): it sends the page's session cookie.
 */
import { createTRPCClient, httpLink } from "@trpc/client";
import type { Page } from "@playwright/test";
import type { AppRouter } from "@loupe/api";
import { superjsonLite } from "@loupe/api/transformer";
import { BASE_URL } from "./env";

export async function apiAs(page: Page) {
  const cookie = (await page.context().cookies(BASE_URL)).map((c) => `${c.name}=${c.value}`).join("; ");
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${BASE_URL}/api/trpc`, transformer: superjsonLite, headers: { cookie } })],
  });
}
