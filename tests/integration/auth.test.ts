import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin, SIGN_IN_RATE_LIMIT } from "@loupe/api/auth";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

describe("first-start administrator", () => {
  it("is created once, with a generated password that signs in", async () => {
    const first = await ensureAdmin(app.db, { email: "Root@Example.test" });
    expect(first?.user.email).toBe("root@example.test");
    expect(first?.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await ensureAdmin(app.db, { email: "other@example.test" })).toBeNull();

    const cookie = await app.signIn("root@example.test", first!.generatedPassword!);
    const me = await app.trpc(cookie).me.query();
    expect(me).toMatchObject({ email: "root@example.test", isAdmin: true });
  });

  it("uses LOUPE_ADMIN_PASSWORD when given and prints nothing", async () => {
    const fresh = await createTestApp();
    try {
      const r = await ensureAdmin(fresh.db, { email: "a@b.test", password: "given-password" });
      expect(r?.generatedPassword).toBeNull();
      expect((await fresh.signInResponse("a@b.test", "given-password")).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe("sign-in", () => {
  it("rejects a wrong password and an unknown email", async () => {
    await app.userWithSession("rater@example.test");
    expect((await app.signInResponse("rater@example.test", "wrong password", "198.51.100.1")).status).toBe(
      401,
    );
    expect((await app.signInResponse("nobody@example.test", "whatever123", "198.51.100.1")).status).toBe(401);
  });

  it("is rate limited per client IP", async () => {
    const ip = "198.51.100.99";
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_RATE_LIMIT.max + 2; i++) {
      statuses.push((await app.signInResponse("rater@example.test", "wrong password", ip)).status);
    }
    expect(statuses.slice(0, SIGN_IN_RATE_LIMIT.max).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another client is not affected.
    expect(
      (await app.signInResponse("rater@example.test", "correct horse battery", "198.51.100.100")).status,
    ).toBe(200);
  });

  it("public sign-up is closed", async () => {
    const res = await app.runtime.auth.handler(
      new Request("http://localhost:3999/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.5" },
        body: JSON.stringify({ email: "stranger@example.test", password: "password123", name: "x" }),
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await app.db.user.findUnique({ where: { email: "stranger@example.test" } })).toBeNull();
  });
});
