import type { Task } from "graphile-worker";
import type { Db } from "@loupe/db";
import { jobDefinitions } from "@loupe/jobs";
import { refreshStudyResults } from "@loupe/api/results";

/**
 * Recomputes one study's results. Not wrapped in a JobRun like user-started jobs: it runs after
 * every burst of judgments, and the Jobs page would drown in it; the study's results page shows
 * when its numbers were computed instead.
 */
export function refreshStudyResultsTask(db: Db): Task {
  return async (raw) => {
    const { studyId } = jobDefinitions.refreshStudyResults.payload.parse(raw);
    await refreshStudyResults(db, studyId);
  };
}
