/**
 * Human audits of curation filters on a real database and worker: a curator samples a finished
 * run's items per group (each stage's drops, the near-duplicates, the kept set); members answer
 * "should this have been dropped?" blind to what the filters decided; each filter's precision (and
 * the kept set's miss rate) is the majority verdict's share, with a Wilson interval. Answers are
 * idempotent per member and item; only curators start audits and read findings.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@loupe/worker";
import type { CurationRunView } from "@loupe/api/curation";
import { testPipeline, writeTestCorpus } from "@loupe/curation/testing";
import { serveMedia } from "@loupe/media";
import { errorOf } from "./support/trpc-error";
import { createTestApp, type TestApp } from "./support/test-app";
import { startTestWorker } from "./support/test-worker";

type User = Awaited<ReturnType<TestApp["userWithSession"]>>;
let app: TestApp;
let worker: RunningWorker;
let owner: User;
let raterA: User;
let raterB: User;
let raterC: User;
let corpus: string;
let runId: string;
let auditId: string;
const projectSlug = "audits";

async function member(email: string, role: "rater" | "curator") {
  const user = await app.userWithSession(email);
  await owner.client.members.add.mutate({ projectSlug, email, role });
  return user;
}

async function waitFor<T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() - t0 > 60_000) throw new Error(`still waiting: ${JSON.stringify(value).slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function finishedRun(name: string, root: string): Promise<CurationRunView> {
  const created = await owner.client.curation.create.mutate({
    projectSlug,
    definition: testPipeline(root, name),
  });
  const run = await waitFor(
    () => owner.client.curation.get.query({ projectSlug, runId: created.id }),
    (r) => r.status === "done" || r.status === "failed",
  );
  expect(run.status).toBe("done");
  return run;
}

/** The group each audit item was sampled from, read from the database (the members never see it). */
async function groupsOf(id: string): Promise<Map<string, string>> {
  const items = await app.db.curationAuditItem.findMany({ where: { auditId: id } });
  return new Map(items.map((i) => [i.id, i.sampleGroup]));
}

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.userWithSession("owner-audits@example.test", { isAdmin: true });
  await owner.client.projects.create.mutate({ name: "Audits", slug: projectSlug });
  raterA = await member("rater-a@example.test", "rater");
  raterB = await member("rater-b@example.test", "rater");
  raterC = await member("rater-c@example.test", "rater");
  corpus = path.join(app.dataDir, "corpora", "photos");
  await writeTestCorpus(corpus);
  worker = await startTestWorker(app);
  runId = (await finishedRun("photos", corpus)).id;
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

describe("a filter audit", () => {
  it("samples each group of a finished run, unreadable items excepted, and stores what members see", async () => {
    const created = await owner.client.curationAudits.create.mutate({
      projectSlug,
      runId,
      itemsPerGroup: 3,
      answersPerItem: 2,
    });
    auditId = created.id;
    const [audit] = await waitFor(
      () => owner.client.curationAudits.list.query({ projectSlug, runId }),
      (list) => list[0]?.status === "open",
    );
    expect(audit).toMatchObject({ items: 9, unavailable: 0, answers: 0, answersWanted: 18 });
    const groups = [...(await groupsOf(auditId)).values()];
    const count = (g: string) => groups.filter((x) => x === g).length;
    // kept has 6 items (3 sampled), the rest fewer than 3; the 3 unreadable files are not sampled.
    expect(
      Object.fromEntries(
        ["kept", "dedup", "resolution", "exposure", "border", "blur"].map((g) => [g, count(g)]),
      ),
    ).toEqual({
      kept: 3,
      dedup: 2,
      resolution: 1,
      exposure: 1,
      border: 1,
      blur: 1,
    });
    expect(count("decode")).toBe(0);
    const logged = await app.db.auditLog.findMany({ where: { targetId: auditId } });
    expect(logged.map((l) => l.action)).toEqual(["curation.audit.create"]);
  });

  it("serves items blind: media only, never the file, stage, reason or decision", async () => {
    const { item, progress } = await raterA.client.curationAudits.next.query({ projectSlug, auditId });
    expect(progress).toEqual({ answeredByMe: 0, items: 9, answersPerItem: 2 });
    expect(Object.keys(item!).sort()).toEqual(["id", "kind", "mediaUrl", "pairedMediaUrl", "posterUrl"]);
    const text = JSON.stringify(item);
    for (const word of [".png", ".jpg", "kept", "dedup", "blur", "exposure", "border", "resolution"])
      expect(text).not.toContain(word);
    const token = item!.mediaUrl.slice("/media/".length);
    const media = await serveMedia(new Request(`http://localhost/media/${token}`), token, app.runtime);
    expect(media.headers.get("content-type")).toBe("image/webp");
    // Near-duplicates come with the item their cluster kept.
    const groups = await groupsOf(auditId);
    const dedupItem = await app.db.curationAuditItem.findFirstOrThrow({
      where: { auditId, sampleGroup: "dedup" },
    });
    expect(dedupItem.pairedMediaSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(groups.size).toBe(9);
  });

  it("measures each filter's precision and the kept set's miss rate from the members' majority", async () => {
    const groups = await groupsOf(auditId);
    let keptAnsweredDrop: string | null = null;
    // Member A: the filters were right, except the border filter; one kept item should have gone.
    for (;;) {
      const { item } = await raterA.client.curationAudits.next.query({ projectSlug, auditId });
      if (!item) break;
      const group = groups.get(item.id)!;
      let verdict: "drop" | "keep" = group === "kept" || group === "border" ? "keep" : "drop";
      if (group === "kept" && keptAnsweredDrop === null) {
        keptAnsweredDrop = item.id;
        verdict = "drop";
      }
      await raterA.client.curationAudits.answer.mutate({ projectSlug, auditId, itemId: item.id, verdict });
    }
    expect(
      (await raterA.client.curationAudits.next.query({ projectSlug, auditId })).progress.answeredByMe,
    ).toBe(9);
    expect(await raterB.client.curationAudits.mine.query({ projectSlug })).toEqual([
      { id: auditId, runName: "photos", left: 9, answered: 0, items: 9 },
    ]);
    // Member B agrees everywhere, keeps the kept item A would drop (a tie: undecided), and is unsure of the blur one.
    for (;;) {
      const { item } = await raterB.client.curationAudits.next.query({ projectSlug, auditId });
      if (!item) break;
      const group = groups.get(item.id)!;
      const verdict = group === "kept" || group === "border" ? "keep" : group === "blur" ? "unsure" : "drop";
      await raterB.client.curationAudits.answer.mutate({ projectSlug, auditId, itemId: item.id, verdict });
    }
    // Every item has its two answers: a third member has nothing to answer.
    expect((await raterC.client.curationAudits.next.query({ projectSlug, auditId })).item).toBeNull();
    expect(await raterC.client.curationAudits.mine.query({ projectSlug })).toEqual([]);

    const [audit] = await owner.client.curationAudits.list.query({ projectSlug, runId });
    expect(audit!.answers).toBe(18);
    const byGroup = Object.fromEntries(
      audit!.groups.map((g) => [g.group, [g.sampled, g.decided, g.shouldDrop]]),
    );
    expect(byGroup).toEqual({
      kept: [3, 2, 0],
      dedup: [2, 2, 2],
      resolution: [1, 1, 1],
      exposure: [1, 1, 1],
      border: [1, 1, 0],
      // A said drop, B unsure: the majority of drop/keep answers is drop.
      blur: [1, 1, 1],
    });
    const dedup = audit!.groups.find((g) => g.group === "dedup")!;
    expect(dedup.share).toBe(1);
    // Wilson 95% for 2/2: (0.3424, 1).
    expect(dedup.interval![0]).toBeCloseTo(0.3424, 4);

    // A changes their mind about the kept item: it becomes a decided "drop", and counts once.
    expect(
      await raterA.client.curationAudits.answered.query({ projectSlug, auditId, itemId: keptAnsweredDrop! }),
    ).toMatchObject({ verdict: "drop", item: { id: keptAnsweredDrop } });
    const changed = await raterB.client.curationAudits.answer.mutate({
      projectSlug,
      auditId,
      itemId: keptAnsweredDrop!,
      verdict: "drop",
    });
    expect(changed).toEqual({ changed: true });
    const item = await app.db.curationAuditItem.findUniqueOrThrow({ where: { id: keptAnsweredDrop! } });
    expect(item.answerCount).toBe(2);
    const [after] = await owner.client.curationAudits.list.query({ projectSlug, runId });
    expect(after!.groups.find((g) => g.group === "kept")).toMatchObject({ decided: 3, shouldDrop: 1 });
    expect(after!.answers).toBe(18);
  });

  it("lets curators start audits and read findings, members answer, and no one else", async () => {
    expect((await errorOf(raterA.client.curationAudits.list.query({ projectSlug, runId }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await errorOf(raterA.client.curationAudits.create.mutate({ projectSlug, runId, itemsPerGroup: 2 })))
        .code,
    ).toBe("FORBIDDEN");
    const stranger = await app.userWithSession("stranger-audits@example.test");
    expect((await errorOf(stranger.client.curationAudits.next.query({ projectSlug, auditId }))).code).toBe(
      "NOT_FOUND",
    );
    const otherItem = "not-an-item";
    expect(
      (
        await errorOf(
          raterC.client.curationAudits.answer.mutate({
            projectSlug,
            auditId,
            itemId: otherItem,
            verdict: "drop",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          raterC.client.curationAudits.answered.query({ projectSlug, auditId, itemId: otherItem }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });

  it("refuses a run that is not finished, and counts sampled files that are gone", async () => {
    const running = await owner.client.curation.create.mutate({
      projectSlug,
      definition: testPipeline(corpus, "again"),
    });
    const refused = await errorOf(
      owner.client.curationAudits.create.mutate({ projectSlug, runId: running.id, itemsPerGroup: 2 }),
    );
    expect([refused.code, refused.message]).toEqual([
      "CONFLICT",
      expect.stringMatching(/Only a finished run/),
    ]);

    const gone = path.join(app.dataDir, "corpora", "gone");
    await writeTestCorpus(gone);
    const run = await finishedRun("gone", gone);
    // The kept files disappear after the run (a moved corpus): their audit items cannot be made.
    for (const f of await fs.readdir(gone)) if (f.startsWith("a-")) await fs.rm(path.join(gone, f));
    const created = await owner.client.curationAudits.create.mutate({
      projectSlug,
      runId: run.id,
      itemsPerGroup: 2,
    });
    const [audit] = await waitFor(
      () => owner.client.curationAudits.list.query({ projectSlug, runId: run.id }),
      (list) => list[0]?.status === "open",
    );
    expect(audit).toMatchObject({ id: created.id, unavailable: 2, items: 6 });
    // The near-duplicates are still shown, without the kept item that is gone.
    const dedup = await app.db.curationAuditItem.findMany({
      where: { auditId: created.id, sampleGroup: "dedup" },
    });
    expect(dedup.map((d) => d.pairedMediaSha256)).toEqual([null, null]);
  });
});
