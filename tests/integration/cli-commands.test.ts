/** The `loupe` commands besides `start`, run as a user runs them. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, jobDefinitions } from "@loupe/jobs";
import { migrateJobQueue } from "@loupe/worker";
import { createTestDatabase } from "./setup/database";
import { killAllLoupes, runLoupe, runLoupeToEnd } from "./support/loupe-process";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-cmd-"));
  env = { DATABASE_URL: database.url, LOUPE_DATA_DIR: dataDir };
});
afterAll(async () => {
  killAllLoupes();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("loupe commands", () => {
  it("--help lists every command", async () => {
    const r = await runLoupeToEnd(["--help"], env);
    expect(r.code).toBe(0);
    for (const cmd of ["start", "worker", "migrate", "user", "apikey"]) expect(r.output).toContain(cmd);
    const sub = await runLoupeToEnd(["apikey", "create", "--help"], env);
    expect(sub.output).toMatch(/--project <slug>/);
  });

  it("migrate reports an up-to-date database", async () => {
    const r = await runLoupeToEnd(["migrate"], env);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/database schema up to date \(\d+ migrations\)/);
  });

  it("user create makes an account, prints a generated password once, and refuses a duplicate", async () => {
    const r = await runLoupeToEnd(["user", "create", "--email", "Ana@Example.test", "--admin"], env);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/created ana@example\.test \(administrator\)\npassword \(shown once\): \S{20}/);
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "ana@example.test" } });
    expect(user.isAdmin).toBe(true);

    const dup = await runLoupeToEnd(["user", "create", "--email", "ana@example.test"], env);
    expect(dup.code).toBe(1);
    expect(dup.output.trim()).toBe("loupe: a user with email ana@example.test already exists");

    const short = await runLoupeToEnd(
      ["user", "create", "--email", "b@example.test", "--password", "short"],
      env,
    );
    expect(short.code).toBe(1);
    expect(short.output.trim()).toBe("loupe: password: must be at least 8 characters");
  });

  it("apikey create prints a key once and stores only its hash", async () => {
    const user = await database.db.user.findUniqueOrThrow({ where: { email: "ana@example.test" } });
    await database.db.project.create({
      data: { slug: "cli", name: "CLI", memberships: { create: { userId: user.id, role: "owner" } } },
    });
    const r = await runLoupeToEnd(
      ["apikey", "create", "--project", "cli", "--name", "box", "--role", "curator"],
      env,
    );
    expect(r.code).toBe(0);
    const key = r.output.trim().split("\n").at(-1)!;
    expect(key).toMatch(/^loupe_[A-Za-z0-9_-]{32}$/);
    const row = await database.db.apiKey.findFirstOrThrow({ where: { name: "box" } });
    expect(row).toMatchObject({ role: "curator", createdById: user.id });
    expect(row.hashedKey).not.toContain(key);

    const missing = await runLoupeToEnd(["apikey", "create", "--project", "nope", "--name", "x"], env);
    expect(missing.output.trim()).toBe('loupe: no project "nope"');
    const badRole = await runLoupeToEnd(
      ["apikey", "create", "--project", "cli", "--name", "x", "--role", "god"],
      env,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.output).toMatch(/Allowed choices are rater, reviewer, curator, researcher, owner/);
  });

  it("import prompts reads PartiPrompts' TSV and reports bad rows by line", async () => {
    const parti = path.resolve(import.meta.dirname, "../../../shared/reference/PartiPrompts.tsv");
    const r = await runLoupeToEnd(["import", "prompts", parti, "--project", "cli"], env);
    expect(r.code).toBe(0);
    expect(r.output.trim()).toBe('imported 1632 prompts into "PartiPrompts" (tsv); 0 rows with errors');
    const set = await database.db.promptSet.findFirstOrThrow({ where: { name: "PartiPrompts" } });
    const animals = await database.db.prompt.count({
      where: { promptSetId: set.id, tags: { has: "Animals" } },
    });
    expect(animals).toBe(314);

    const bad = path.join(dataDir, "mixed.jsonl");
    fs.writeFileSync(bad, '{"prompt":"a cat"}\n{oops\n{"prompt":"a dog","category":"Animals"}\n');
    const mixed = await runLoupeToEnd(["import", "prompts", bad, "--project", "cli", "--name", "mixed"], env);
    expect(mixed.code).toBe(0);
    expect(mixed.output).toContain("line 2: error: not valid JSON");
    expect(mixed.output).toContain('imported 2 prompts into "mixed" (jsonl); 1 rows with errors');

    const again = await runLoupeToEnd(["import", "prompts", bad, "--project", "cli", "--name", "mixed"], env);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/loupe: A prompt set named "mixed" already exists\./);
  });

  it("worker runs queued jobs from the shared database and stops on Ctrl-C", async () => {
    await migrateJobQueue(database.url);
    const project = await database.db.project.findUniqueOrThrow({ where: { slug: "cli" } });
    const run = await enqueueJob(
      database.db,
      jobDefinitions.verifyMedia,
      { projectId: project.id },
      { projectId: project.id },
    );
    const worker = runLoupe(["worker", "--concurrency", "1"], env);
    await worker.waitFor(/worker running \(concurrency 1\)/);
    for (let i = 0; i < 100; i++) {
      const r = await database.db.jobRun.findUniqueOrThrow({ where: { id: run.id } });
      if (r.status === "succeeded") break;
      await new Promise((res) => setTimeout(res, 200));
    }
    expect((await database.db.jobRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("succeeded");
    worker.child.kill("SIGINT");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain("worker stopped");
  });
});
