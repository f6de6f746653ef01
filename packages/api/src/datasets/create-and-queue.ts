/** An export made from the web or REST: recorded, then built by whichever worker takes the job. */
import type { Db } from "@loupe/db";
import { createDatasetExport } from "./create-export";
import { enqueueDatasetExport } from "./enqueue";
import type { ExportConfigInput } from "./export-config";

export async function createAndQueueDatasetExport(
  db: Db,
  projectId: string,
  input: ExportConfigInput,
  actor: { userId?: string } = {},
) {
  const created = await createDatasetExport(db, projectId, input, actor);
  await enqueueDatasetExport(db, created.id);
  return created;
}
