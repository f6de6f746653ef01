/**
 * Reading results: the stored document, whether it is behind the judgments (then a refresh is
 * requested), the planner on its counts, a project leaderboard pooling studies, and the
 * read-only view a share link opens.
 */
import { TRPCError } from "@trpc/server";
import { speedOfStudies } from "./speed";
import { z } from "zod";
import type { Db } from "@loupe/db";
import { bootstrapBradleyTerry, planSampleSize, type SideCounts } from "@loupe/stats";
import { findStudy, pairwiseConfigOf } from "../studies/service";
import { RESULTS_SEED, DEFAULT_ROUNDS } from "./compute";
import { studyFingerprint } from "./load-judgments";
import { requestResultsRefreshQuietly } from "./refresh-requests";
import { studyOfShareToken } from "./shares";
import type { StudyResults } from "./types";
import { leaderboardMetrics } from "../evaluations/leaderboard-metrics";

export type ResultsStatus = "current" | "updating" | "pending";

async function storedResults(db: Db, studyId: string) {
  const [stored, fingerprint] = await Promise.all([
    db.studyResult.findUnique({ where: { studyId } }),
    studyFingerprint(db, studyId),
  ]);
  const status: ResultsStatus = !stored
    ? "pending"
    : stored.fingerprint === fingerprint
      ? "current"
      : "updating";
  // Behind the judgments (e.g. computed before a rater was excluded, or no worker ran yet): ask
  // for a refresh. Throttled, so a page polling every few seconds does not flood the queue.
  if (status !== "current") requestResultsRefreshQuietly(db, studyId);
  return {
    status,
    computedAt: stored?.computedAt ?? null,
    results: (stored?.data ?? null) as StudyResults | null,
  };
}

export async function getStudyResults(db: Db, projectId: string, studyId: string) {
  const study = await findStudy(db, projectId, studyId);
  if (study.kind !== "pairwise")
    throw new TRPCError({ code: "BAD_REQUEST", message: "Only pairwise studies have a leaderboard." });
  return {
    study: { id: study.id, name: study.name, status: study.status },
    ...(await storedResults(db, studyId)),
    speed: await speedOfStudies(db, [studyId]),
  };
}

/** The same results for a share link, without anything about individual raters. */
export async function getSharedResults(db: Db, token: string) {
  const studyId = await studyOfShareToken(db, token);
  if (!studyId)
    throw new TRPCError({ code: "NOT_FOUND", message: "This share link does not exist or was revoked." });
  const study = await db.study.findUniqueOrThrow({ where: { id: studyId } });
  const read = await storedResults(db, studyId);
  const results = read.results && withoutRaters(read.results);
  return {
    study: { id: study.id, name: study.name, status: study.status },
    ...read,
    results,
    speed: await speedOfStudies(db, [studyId]),
  };
}

export function withoutRaters(results: StudyResults): StudyResults {
  return {
    ...results,
    axes: results.axes.map((a) => ({
      ...a,
      reliability: { ...a.reliability, raterAgreement: [], gold: { ...a.reliability.gold, raters: [] } },
    })),
  };
}

export const planInput = z.object({
  studyId: z.string().min(1).max(100),
  axisId: z.string().min(1).max(40),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("interval-width"), width: z.number().gt(0).max(2) }),
    z.object({
      kind: z.literal("detect-net-win-rate"),
      minimum: z.number().gt(0).lt(1),
      power: z.number().gt(0).lt(1).default(0.8),
    }),
  ]),
});

/** How many more judgments each pair needs for the target, simulated from its current counts. */
export async function planStudy(db: Db, projectId: string, input: z.infer<typeof planInput>) {
  await findStudy(db, projectId, input.studyId);
  const { results } = await storedResults(db, input.studyId);
  const axis = results?.axes.find((a) => a.axisId === input.axisId);
  if (!results || !axis)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "No results for this question yet; they are being computed.",
    });
  return planSampleSize(axis.every.pairs, input.target, { seed: RESULTS_SEED });
}

/**
 * The project's leaderboards: one per study template, over the studies that have results, with
 * the questions (axes) those studies asked.
 */
export async function listLeaderboards(db: Db, projectId: string) {
  const studies = await db.study.findMany({
    where: { projectId, kind: "pairwise", result: { isNot: null } },
    include: { result: true },
    orderBy: { createdAt: "asc" },
  });
  const boards = new Map<
    string,
    {
      template: string;
      axes: { id: string; label: string }[];
      studies: { id: string; name: string; judgments: number }[];
    }
  >();
  for (const study of studies) {
    const template = pairwiseConfigOf(study).template;
    const board = boards.get(template) ?? { template, axes: [], studies: [] };
    boards.set(template, board);
    const results = study.result!.data as unknown as StudyResults;
    board.studies.push({ id: study.id, name: study.name, judgments: results.judgments.counted });
    for (const axis of results.axes)
      if (!board.axes.some((a) => a.id === axis.axisId))
        board.axes.push({ id: axis.axisId, label: axis.label });
  }
  return [...boards.values()];
}

export const projectLeaderboardInput = z.object({
  template: z.string().min(1).max(40),
  axisId: z.string().min(1).max(40),
});

/**
 * One leaderboard over every study of a template in the project: the studies' counts per ordered
 * pair (their sufficient statistics) are added up and Bradley–Terry is fitted on the sum, with
 * intervals from multinomial resampling of the pooled counts (the judgments' prompts are not kept
 * across studies, so prompts cannot be resampled here; the method is named).
 */
export async function projectLeaderboard(
  db: Db,
  projectId: string,
  input: z.infer<typeof projectLeaderboardInput>,
) {
  const studies = await db.study.findMany({
    where: { projectId, kind: "pairwise", status: { not: "draft" } },
    include: { result: true },
    orderBy: { createdAt: "asc" },
  });
  // Every study's counts, one after the other: the fit adds up rows of the same ordered pair.
  const pooled: SideCounts[] = [];
  const included: { id: string; name: string; judgments: number }[] = [];
  for (const study of studies) {
    if (pairwiseConfigOf(study).template !== input.template || !study.result) continue;
    const axis = (study.result.data as unknown as StudyResults).axes.find((a) => a.axisId === input.axisId);
    if (!axis) continue;
    included.push({ id: study.id, name: study.name, judgments: axis.every.judgments });
    pooled.push(...axis.every.sideCounts);
  }
  const ratings = bootstrapBradleyTerry({ counts: pooled }, { rounds: DEFAULT_ROUNDS, seed: RESULTS_SEED });
  return {
    studies: included,
    ratings,
    metrics: await leaderboardMetrics(db, projectId, {
      studyIds: included.map((s) => s.id),
      axisId: input.axisId,
      rating: new Map(ratings.ratings.map((r) => [r.model, r.rating])),
    }),
    speed: await speedOfStudies(
      db,
      included.map((s) => s.id),
    ),
  };
}
