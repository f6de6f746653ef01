import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app";
import { errorOf } from "./support/trpc-error";

let app: TestApp;
let admin: Awaited<ReturnType<TestApp["userWithSession"]>>;
let rater: Awaited<ReturnType<TestApp["userWithSession"]>>;
let outsider: Awaited<ReturnType<TestApp["userWithSession"]>>;

beforeAll(async () => {
  app = await createTestApp();
  admin = await app.userWithSession("admin@example.test", { isAdmin: true });
  rater = await app.userWithSession("rater@example.test");
  outsider = await app.userWithSession("outsider@example.test");
  await admin.client.projects.create.mutate({ name: "Image eval", slug: "image-eval" });
  await admin.client.members.add.mutate({
    projectSlug: "image-eval",
    email: "rater@example.test",
    role: "rater",
  });
});
afterAll(() => app?.close());

describe("role checks on the server", () => {
  it("anonymous callers get UNAUTHORIZED", async () => {
    expect(await app.trpc().me.query()).toBeNull();
    expect((await errorOf(app.trpc().projects.mine.query())).code).toBe("UNAUTHORIZED");
  });

  it("only administrators create projects", async () => {
    const e = await errorOf(rater.client.projects.create.mutate({ name: "Mine" }));
    expect(e.code).toBe("FORBIDDEN");
  });

  it("members see their projects with their role", async () => {
    expect(await rater.client.projects.mine.query()).toEqual([
      expect.objectContaining({ slug: "image-eval", role: "rater" }),
    ]);
    expect(await outsider.client.projects.mine.query()).toEqual([]);
  });

  it("a rater cannot read researcher data or manage members", async () => {
    expect((await errorOf(rater.client.models.list.query({ projectSlug: "image-eval" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(rater.client.members.list.query({ projectSlug: "image-eval" }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await errorOf(rater.client.apiKeys.create.mutate({ projectSlug: "image-eval", name: "k" }))).code,
    ).toBe("FORBIDDEN");
  });

  it("a non-member learns nothing: same answer as for a project that does not exist", async () => {
    const real = await errorOf(outsider.client.projects.get.query({ projectSlug: "image-eval" }));
    const missing = await errorOf(outsider.client.projects.get.query({ projectSlug: "no-such-project" }));
    expect(real).toEqual(missing);
    expect(real.code).toBe("NOT_FOUND");
  });

  it("bad input comes back as one readable line", async () => {
    const e = await errorOf(admin.client.projects.create.mutate({ name: "x", slug: "Not A Slug" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/^slug: use lowercase letters/);
  });

  it("the last owner cannot be demoted or removed", async () => {
    const e = await errorOf(
      admin.client.members.changeRole.mutate({
        projectSlug: "image-eval",
        userId: admin.id,
        role: "researcher",
      }),
    );
    expect(e.message).toMatch(/at least one owner/);
  });

  it("owners change roles and the change takes effect at once", async () => {
    await admin.client.members.changeRole.mutate({
      projectSlug: "image-eval",
      userId: rater.id,
      role: "researcher",
    });
    expect(await rater.client.models.list.query({ projectSlug: "image-eval" })).toEqual([]);
    await admin.client.members.remove.mutate({ projectSlug: "image-eval", userId: rater.id });
    expect((await errorOf(rater.client.models.list.query({ projectSlug: "image-eval" }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("writes the audit log, which refuses edits", async () => {
    const rows = await app.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["project.create", "member.add", "member.role", "member.remove"]),
    );
    await expect(app.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
