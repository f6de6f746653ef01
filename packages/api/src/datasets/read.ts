/** Listing, reading and deleting a project's exports. */
import { TRPCError } from "@trpc/server";
import type { Db } from "@loupe/db";
import type { ExportManifest } from "./manifest";

export async function listDatasetExports(db: Db, projectId: string) {
  const rows = await db.datasetExport.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }],
  });
  return rows.map((r) => {
    const manifest = r.manifest as unknown as ExportManifest | null;
    return {
      id: r.id,
      name: r.name,
      version: r.version,
      format: r.format,
      status: r.status,
      error: r.error,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
      rows: manifest?.counts.rows ?? null,
      complete: manifest?.complete ?? null,
      bytes: manifest ? manifest.files.reduce((s, f) => s + f.bytes, 0) + manifest.images.bytes : null,
      judgmentsRead: r.judgmentsRead,
      judgmentsTotal: r.judgmentsTotal,
    };
  });
}

export async function findDatasetExport(db: Db, projectId: string, exportId: string) {
  const row = await db.datasetExport.findFirst({ where: { id: exportId, projectId } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such export in this project." });
  return row;
}

export async function getDatasetExport(db: Db, projectId: string, exportId: string) {
  const row = await findDatasetExport(db, projectId, exportId);
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    format: row.format,
    status: row.status,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    manifest: row.manifest as unknown as ExportManifest | null,
  };
}

/**
 * Deletes the export's record. Its files stay in content-addressed media storage, where another
 * export with the same content (or the outputs, for images) may share them.
 */
export async function deleteDatasetExport(db: Db, projectId: string, exportId: string) {
  const row = await findDatasetExport(db, projectId, exportId);
  if (row.status === "building")
    throw new TRPCError({
      code: "CONFLICT",
      message: "The export is still being built; delete it when it is done.",
    });
  await db.datasetExport.delete({ where: { id: row.id } });
}
