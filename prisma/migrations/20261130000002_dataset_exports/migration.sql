-- Preference-dataset exports: immutable, versioned snapshots with a manifest of their files.
CREATE TYPE "DatasetExportStatus" AS ENUM ('building', 'ready', 'failed');

CREATE TABLE "DatasetExport" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "status" "DatasetExportStatus" NOT NULL DEFAULT 'building',
    "manifest" JSONB,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "DatasetExport_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "DatasetExport_projectId_name_version_key" ON "DatasetExport"("projectId", "name", "version");
CREATE INDEX "DatasetExport_projectId_createdAt_idx" ON "DatasetExport"("projectId", "createdAt");

ALTER TABLE "DatasetExport" ADD CONSTRAINT "DatasetExport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
