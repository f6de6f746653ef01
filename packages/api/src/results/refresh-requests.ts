/**
 * Results are recomputed by a worker job when judgments arrive, debounced: the first change
 * schedules a `study.results` job a few seconds out, and every change until it runs folds into
 * that same job (graphile-worker's job key with `preserve_run_at`). The request side is throttled
 * per process too, so the rating hot path adds at most one statement every few seconds per study,
 * not one per judgment: a change inside a throttle window schedules one more request for the
 * window's end (a trailing edge), so a job that already ran before that change is followed by
 * another. The job reads the database when it runs, so it sees everything committed before then.
 */
import type { Db } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";

/** How long a refresh waits for more judgments before it runs. */
export const RESULTS_DEBOUNCE_SECONDS = 5;

/** Per study: when this process's throttle window ends, and whether a trailing request waits. */
const windows = new Map<string, { until: number; trailing: boolean }>();

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
  if (!opts.immediately) {
    const now = Date.now();
    const window = windows.get(studyId);
    if (window && now < window.until) {
      if (!window.trailing) {
        window.trailing = true;
        setTimeout(() => {
          windows.delete(studyId);
          requestResultsRefreshQuietly(db, studyId);
        }, window.until - now).unref();
      }
      return;
    }
    windows.set(studyId, { until: now + RESULTS_DEBOUNCE_SECONDS * 1000, trailing: false });
  }
  const def = jobDefinitions.refreshStudyResults;
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${def.name}::text,
    ${JSON.stringify(def.payload.parse({ studyId }))}::json,
    job_key => ${resultsJobKey(studyId)}::text,
    job_key_mode => ${opts.immediately ? "replace" : "preserve_run_at"}::text,
    run_at => now() + make_interval(secs => ${opts.immediately ? 0 : RESULTS_DEBOUNCE_SECONDS}),
    max_attempts => ${def.maxAttempts}::int
  )`;
}

/**
 * The same, for the paths where a failure to schedule must not fail the request (a rater's
 * submission is stored whatever happens to the leaderboard). The next change retries.
 */
export function requestResultsRefreshQuietly(db: Db, studyId: string): void {
  requestResultsRefresh(db, studyId).catch((err: unknown) => {
    windows.delete(studyId);
    console.error(`results refresh for study ${studyId} not scheduled:`, err);
  });
}
