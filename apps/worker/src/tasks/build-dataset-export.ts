import type { Task } from "graphile-worker";
import { jobDefinitions } from "@loupe/jobs";
import { buildDatasetExport } from "@loupe/api/datasets";
import type { Runtime } from "@loupe/api";

/**
 * Builds one export version. A reason the export cannot be built (missing media, nothing left
 * after filtering) marks it failed at once; anything else is retried, and on the last attempt the
 * export says why it stopped instead of staying "building".
 */
export function buildDatasetExportTask(runtime: Pick<Runtime, "db" | "storage">): Task {
  return async (raw, helpers) => {
    const { exportId } = jobDefinitions.buildDatasetExport.payload.parse(raw);
    try {
      await buildDatasetExport(runtime, exportId);
    } catch (err) {
      const row = await runtime.db.datasetExport.findUnique({
        where: { id: exportId },
        select: { status: true },
      });
      if (!row || row.status === "failed") return; // deleted, or failed for a reason a retry cannot fix
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await runtime.db.datasetExport.update({
          where: { id: exportId },
          data: { status: "failed", error: (err as Error).message.slice(0, 2000), finishedAt: new Date() },
        });
        return;
      }
      throw err;
    }
  };
}
