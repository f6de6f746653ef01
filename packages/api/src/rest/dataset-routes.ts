/** REST routes for preference-dataset exports (docs/api.md, docs/datasets.md). */
import { TRPCError } from "@trpc/server";
import { exportArchiveResponse } from "../datasets/archive";
import { createAndQueueDatasetExport } from "../datasets/create-and-queue";
import { exportConfig } from "../datasets/export-config";
import type { ExportManifest } from "../datasets/manifest";
import {
  deleteDatasetExport,
  findDatasetExport,
  getDatasetExport,
  listDatasetExports,
} from "../datasets/read";
import { json } from "./respond";
import { readJson, type Route } from "./route";

export const datasetRoutes: Route[] = [
  {
    method: "GET",
    resource: "exports",
    role: "researcher",
    run: async ({ runtime, caller }) =>
      json({ exports: await listDatasetExports(runtime.db, caller.project.id) }),
  },
  {
    method: "POST",
    resource: "exports",
    role: "researcher",
    run: async ({ runtime, caller, req }) =>
      json(
        await createAndQueueDatasetExport(
          runtime.db,
          caller.project.id,
          exportConfig.parse(await readJson(req)),
        ),
        202,
      ),
  },
  {
    method: "GET",
    resource: "exports/:id",
    role: "researcher",
    run: async ({ runtime, caller, id }) => json(await getDatasetExport(runtime.db, caller.project.id, id)),
  },
  {
    method: "DELETE",
    resource: "exports/:id",
    role: "researcher",
    run: async ({ runtime, caller, id }) => {
      await deleteDatasetExport(runtime.db, caller.project.id, id);
      return json({ deleted: true });
    },
  },
  {
    method: "GET",
    resource: "exports/:id/archive",
    role: "researcher",
    run: async ({ runtime, caller, id }) => {
      const row = await findDatasetExport(runtime.db, caller.project.id, id);
      if (row.status !== "ready")
        throw new TRPCError({ code: "CONFLICT", message: `The export is ${row.status}, not ready.` });
      return exportArchiveResponse(runtime.storage, row.manifest as unknown as ExportManifest);
    },
  },
];
