/**
 * Results are recomputed by a worker job when judgments arrive, debounced: the first change
 * schedules a `study.results` job a few seconds out, and every change until it runs folds into
 * that same job (graphile-worker's job key with `preserve_run_at`). The request side is throttled
 * per process too, so the rating hot path adds at most one statement every few seconds per study,
 * not one per judgment. The job reads the database when it runs, so it sees every judgment
 * committed before then; one committed after it started schedules the next run.
 */
import type { Db } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";

/** How long a refresh waits for more judgments before it runs. */
export const RESULTS_DEBOUNCE_SECONDS = 5;

const lastRequested = new Map<string, number>();

export const resultsJobKey = (studyId: string) => `study-results:${studyId}`;

/**
 * Schedules a refresh of the study's results. `immediately` (a researcher's "recompute now")
 * runs it without waiting and is never throttled.
 */
export async function requestResultsRefresh(
  db: Db,
  studyId: string,
  opts: { immediately?: boolean } = {},
): Promise<void> {
  const now = Date.now();
  if (!opts.immediately) {
    const last = lastRequested.get(studyId) ?? 0;
    if (now - last < RESULTS_DEBOUNCE_SECONDS * 1000) return;
  }
  // An immediate run does not open a throttle window: it may finish before the next judgment,
  // which must then schedule its own refresh.
  if (!opts.immediately) lastRequested.set(studyId, now);
  const delay = opts.immediately ? 0 : RESULTS_DEBOUNCE_SECONDS;
  const def = jobDefinitions.refreshStudyResults;
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${def.name}::text,
    ${JSON.stringify(def.payload.parse({ studyId }))}::json,
    job_key => ${resultsJobKey(studyId)}::text,
    job_key_mode => ${opts.immediately ? "replace" : "preserve_run_at"}::text,
    run_at => now() + make_interval(secs => ${delay}),
    max_attempts => ${def.maxAttempts}::int
  )`;
}

/**
 * The same, for the paths where a failure to schedule must not fail the request (a rater's
 * submission is stored whatever happens to the leaderboard). The next change retries.
 */
export function requestResultsRefreshQuietly(db: Db, studyId: string): void {
  requestResultsRefresh(db, studyId).catch((err: unknown) => {
    lastRequested.delete(studyId);
    console.error(`results refresh for study ${studyId} not scheduled:`, err);
  });
}
