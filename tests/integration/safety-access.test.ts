/**
 * Every safety route against every kind of caller, each allowed or refused as designed:
 *
 * - the policy: reviewers and up read it; researchers and owners edit it;
 * - a study's items (session, next, submit, skip, undo, reveal): only the members the study
 *   names as reviewers or senior reviewers — not even its owner or researcher otherwise;
 * - escalations: the study's senior reviewers only;
 * - reports and the audit trail: researchers and owners;
 * - pairwise raters never reach a safety item, through either API.
 */
import crypto from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStudyFixture } from "./support/study-fixture";
import { createTestApp, type TestApp } from "./support/test-app";

let app: TestApp;
let fx: Awaited<ReturnType<typeof createStudyFixture>>;
const slug = "safety-access";
type Client = TestApp["trpc"] extends (...args: never[]) => infer C ? C : never;
const callers: Record<string, Client> = {};
let studyId: string;

const CALLERS = [
  "anonymous",
  "outsider",
  "rater",
  "unlisted reviewer",
  "listed reviewer",
  "senior reviewer",
  "curator",
  "researcher",
  "owner",
] as const;
type Caller = (typeof CALLERS)[number];

beforeAll(async () => {
  app = await createTestApp();
  fx = await createStudyFixture(app, { slug, models: ["m1", "m2"], prompts: 2 });
  const roles: Partial<Record<Caller, "rater" | "reviewer" | "curator" | "researcher" | null>> = {
    outsider: null,
    rater: "rater",
    "unlisted reviewer": "reviewer",
    "listed reviewer": "reviewer",
    "senior reviewer": "reviewer",
    curator: "curator",
    researcher: "researcher",
  };
  const ids: Partial<Record<Caller, string>> = {};
  for (const [caller, role] of Object.entries(roles) as [Caller, (typeof roles)[Caller]][]) {
    const email = `${caller.replace(/ /g, "-")}@example.test`;
    const user = await app.userWithSession(email);
    if (role) await fx.owner.client.members.add.mutate({ projectSlug: slug, email, role });
    callers[caller] = user.client;
    ids[caller] = user.id;
  }
  callers.anonymous = app.trpc();
  callers.owner = fx.owner.client;
  const study = await fx.owner.client.studies.create.mutate({
    projectSlug: slug,
    name: "access",
    config: {
      kind: "safety",
      modelIds: fx.models.map((m) => m.id),
      promptSetIds: [fx.set.id],
      reviewerUserIds: [ids["listed reviewer"]!],
      seniorReviewerUserIds: [ids["senior reviewer"]!],
      overlap: 1,
    },
  });
  studyId = study.id;
  await fx.owner.client.studies.launch.mutate({ projectSlug: slug, studyId });
});
afterAll(() => app?.close());

/** Refused: the caller learns nothing (NOT_FOUND on the project or study), or is told no. */
async function outcome(call: Promise<unknown>): Promise<"allowed" | "refused"> {
  try {
    await call;
    return "allowed";
  } catch (e) {
    if (!(e instanceof TRPCClientError)) throw e;
    const code = (e.data as { code: string }).code;
    if (code === "UNAUTHORIZED" || code === "FORBIDDEN") return "refused";
    if (code === "NOT_FOUND" && /Project not found|No such review study for you/.test(e.message))
      return "refused";
    // Past the access check: the call was let in and failed on its input (a made-up id).
    return "allowed";
  }
}

const p = { projectSlug: slug };
const ROUTES: Record<string, { allowed: Caller[]; call: (c: Client) => Promise<unknown> }> = {
  "safety.policy": {
    allowed: ["unlisted reviewer", "listed reviewer", "senior reviewer", "curator", "researcher", "owner"],
    call: (c) => c.safety.policy.query(p),
  },
  "safety.policyVersion": {
    allowed: ["unlisted reviewer", "listed reviewer", "senior reviewer", "curator", "researcher", "owner"],
    call: (c) => c.safety.policyVersion.query({ ...p, version: 1 }),
  },
  "safety.policyHistory": { allowed: ["researcher", "owner"], call: (c) => c.safety.policyHistory.query(p) },
  "safety.updatePolicy": {
    allowed: ["researcher", "owner"],
    // A stale base version: allowed callers get CONFLICT, and nothing changes.
    call: (c) =>
      c.safety.updatePolicy.mutate({
        ...p,
        baseVersion: 99,
        categories: [{ id: "x", label: "X" }],
        severities: [{ id: "low", label: "Low" }],
      }),
  },
  "safety.reviewerCandidates": {
    allowed: ["researcher", "owner"],
    call: (c) => c.safety.reviewerCandidates.query(p),
  },
  "safety.myReviews": {
    allowed: ["unlisted reviewer", "listed reviewer", "senior reviewer", "curator", "researcher", "owner"],
    call: (c) => c.safety.myReviews.query(p),
  },
  "safety.session": {
    allowed: ["listed reviewer", "senior reviewer"],
    call: (c) => c.safety.session.query({ studyId }),
  },
  "safety.next": {
    allowed: ["listed reviewer", "senior reviewer"],
    call: (c) => c.safety.next.mutate({ studyId }),
  },
  "safety.submit": {
    allowed: ["listed reviewer", "senior reviewer"],
    call: (c) =>
      c.safety.submit.mutate({
        studyId,
        assignmentId: "no-such-assignment",
        idempotencyKey: crypto.randomUUID(),
        answers: { labels: [], severity: null },
      }),
  },
  "safety.skip": {
    allowed: ["listed reviewer", "senior reviewer"],
    call: (c) =>
      c.safety.skip.mutate({ studyId, assignmentId: "no-such-assignment", reason: "cannot-judge" }),
  },
  "safety.undo": {
    allowed: ["listed reviewer", "senior reviewer"],
    call: (c) => c.safety.undo.mutate({ studyId, judgmentId: "no-such-judgment" }),
  },
  "safety.reveal": {
    // Listed callers are let in (and then refused the made-up token: FORBIDDEN), so reveal is
    // checked separately below.
    allowed: [],
    call: (c) => c.safety.reveal.mutate({ studyId, token: "made.up.token" }),
  },
  "safety.escalations": {
    allowed: ["senior reviewer"],
    call: (c) => c.safety.escalations.query({ studyId }),
  },
  "safety.resolve": {
    allowed: ["senior reviewer"],
    call: (c) => c.safety.resolve.mutate({ studyId, taskId: "no-such-task", labels: [], reason: "made up" }),
  },
  "safety.report": {
    allowed: ["researcher", "owner"],
    call: (c) => c.safety.report.query({ ...p, studyId }),
  },
  "safety.auditTrail": {
    allowed: ["researcher", "owner"],
    call: (c) => c.safety.auditTrail.query({ ...p, studyId }),
  },
  // A pairwise rater's API never opens a safety study, whoever asks.
  "rating.session": { allowed: [], call: (c) => c.rating.session.query({ studyId }) },
  "rating.next": { allowed: [], call: (c) => c.rating.next.mutate({ studyId }) },
};

describe("safety routes by caller", () => {
  it("covers every procedure of the safety router", async () => {
    const { appRouter } = await import("@loupe/api");
    const safety = Object.keys(appRouter._def.procedures).filter((k) => k.startsWith("safety."));
    expect(safety.sort()).toEqual(
      Object.keys(ROUTES)
        .filter((k) => k.startsWith("safety."))
        .sort(),
    );
  });

  for (const [route, { allowed, call }] of Object.entries(ROUTES))
    it(`${route}: ${allowed.length ? allowed.join(", ") : "nobody"}`, async () => {
      const results: Record<string, string> = {};
      for (const caller of CALLERS) results[caller] = await outcome(call(callers[caller]!));
      expect(results).toEqual(
        Object.fromEntries(CALLERS.map((c) => [c, allowed.includes(c) ? "allowed" : "refused"])),
      );
    });

  it("safety.reveal: only the item's own reviewer, with a live token", async () => {
    const listed = callers["listed reviewer"]!;
    const next = await listed.safety.next.mutate({ studyId });
    if (next.status !== "item") throw new Error("expected an item");
    const token = next.item.revealToken;
    const results: Record<string, string> = {};
    for (const caller of CALLERS)
      results[caller] = await outcome(callers[caller]!.safety.reveal.mutate({ studyId, token }));
    expect(results).toEqual(
      Object.fromEntries(CALLERS.map((c) => [c, c === "listed reviewer" ? "allowed" : "refused"])),
    );
  });

  it("a safety study has no invite links, so no external rater can join it", async () => {
    const e = await fx.owner.client.studies.createInvite
      .mutate({ ...p, studyId })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TRPCClientError);
    expect((e as TRPCClientError<never>).message).toMatch(/Safety reviews have no invite links/);
  });
});
