/**
 * The Datasets page's downloads (`GET /api/exports/:slug/:id`): an export's tar archive, for a
 * signed-in member with the researcher role — the same archive the REST API serves to API keys.
 */
import { TRPCError } from "@trpc/server";
import { exportArchiveResponse } from "../datasets/archive";
import type { ExportManifest } from "../datasets/manifest";
import { findDatasetExport } from "../datasets/read";
import type { Runtime } from "../runtime";
import { errorResponse } from "./respond";
import { sessionMembership } from "./session-upload";

export async function handleSessionExportDownload(
  runtime: Runtime,
  req: Request,
  slug: string,
  exportId: string,
): Promise<Response> {
  try {
    const membership = await sessionMembership(runtime, req, slug, "researcher");
    if (membership instanceof Response) return membership;
    const row = await findDatasetExport(runtime.db, membership.project.id, exportId);
    if (row.status !== "ready")
      throw new TRPCError({ code: "CONFLICT", message: `The export is ${row.status}, not ready.` });
    return exportArchiveResponse(runtime.storage, row.manifest as unknown as ExportManifest);
  } catch (err) {
    return errorResponse(err);
  }
}
