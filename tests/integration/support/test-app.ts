/**
 * A Loupe runtime over a fresh test database, with clients that go through the same request
 * handlers the web server mounts (better-auth's handler, tRPC's fetch adapter, the REST handler)
 * — only the socket is skipped.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import {
  appRouter,
  createContext,
  createRuntime,
  superjsonLite,
  type AppRouter,
  type Runtime,
} from "@loupe/api";
import { createUser } from "@loupe/api/auth";
import { handleRestRequest } from "@loupe/api/rest";
import type { ConfiguredMediaStorage, MediaStorage } from "@loupe/media";
import { createTestDatabase } from "../setup/database";

export const BASE_URL = "http://localhost:3999";

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(
  opts: {
    /** Media storage (a ready one, or options as in LoupeConfig.storage); default local files in `dataDir`. */
    storage?: MediaStorage | ConfiguredMediaStorage;
  } = {},
) {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-test-"));
  const runtime: Runtime = createRuntime({
    databaseUrl: database.url,
    secret: "test-secret-test-secret-test-secret-0123",
    baseUrl: BASE_URL,
    dataDir,
    storage: opts.storage,
  });

  /** POST to better-auth's sign-in; returns the response (status 200 sets the session cookie). */
  async function signInResponse(email: string, password: string, ip = "203.0.113.7") {
    return runtime.auth.handler(
      new Request(`${BASE_URL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip, origin: BASE_URL },
        body: JSON.stringify({ email, password }),
      }),
    );
  }

  async function signIn(email: string, password: string): Promise<string> {
    const res = await signInResponse(email, password);
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  /** A tRPC client acting with the given session cookie (or anonymously). */
  function trpc(cookie?: string) {
    return createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${BASE_URL}/api/trpc`,
          transformer: superjsonLite,
          headers: cookie ? { cookie } : {},
          fetch: (input, init) =>
            fetchRequestHandler({
              endpoint: "/api/trpc",
              req: new Request(input as string, init as RequestInit),
              router: appRouter,
              createContext: ({ req }) => createContext(runtime, req.headers),
            }),
        }),
      ],
    });
  }

  /** Create a user and sign them in; returns their id, cookie and tRPC client. */
  async function userWithSession(email: string, opts: { isAdmin?: boolean } = {}) {
    const password = "correct horse battery";
    const user = await createUser(runtime.db, { email, password, isAdmin: opts.isAdmin ?? false });
    const cookie = await signIn(email, password);
    return { id: user.id, email, password, cookie, client: trpc(cookie) };
  }

  function rest(pathname: string, init: RequestInit & { key?: string } = {}) {
    const headers = new Headers(init.headers);
    if (init.key) headers.set("authorization", `Bearer ${init.key}`);
    return handleRestRequest(runtime, new Request(`${BASE_URL}/api/v1${pathname}`, { ...init, headers }));
  }

  async function close() {
    await runtime.db.$disconnect();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return {
    runtime,
    db: runtime.db,
    dataDir,
    databaseUrl: database.url,
    signIn,
    signInResponse,
    trpc,
    userWithSession,
    rest,
    close,
  };
}
