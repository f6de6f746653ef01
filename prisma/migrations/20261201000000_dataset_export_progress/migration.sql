-- How far an export's build has read: judgments read of the studies' total, shown while it builds.
ALTER TABLE "DatasetExport" ADD COLUMN "judgmentsRead" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DatasetExport" ADD COLUMN "judgmentsTotal" INTEGER;
