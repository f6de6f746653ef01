-- Safety and responsibility reviews: a versioned policy taxonomy per project, single-output
-- review tasks (output B is null), the pre-screening score, and senior reviewers' resolutions.

-- AlterTable
ALTER TABLE "PromptSet" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "StudyTask" ALTER COLUMN "outputBId" DROP NOT NULL;
ALTER TABLE "StudyTask" ADD COLUMN "prescreenScore" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "PolicyTaxonomy" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "categories" JSONB NOT NULL,
    "severities" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyTaxonomy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyResolution" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "resolvedById" TEXT,
    "labels" TEXT[],
    "severity" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafetyResolution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyTaxonomy_projectId_version_key" ON "PolicyTaxonomy"("projectId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "SafetyResolution_taskId_key" ON "SafetyResolution"("taskId");

-- CreateIndex
CREATE INDEX "SafetyResolution_studyId_idx" ON "SafetyResolution"("studyId");

-- AddForeignKey
ALTER TABLE "PolicyTaxonomy" ADD CONSTRAINT "PolicyTaxonomy_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyResolution" ADD CONSTRAINT "SafetyResolution_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyResolution" ADD CONSTRAINT "SafetyResolution_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StudyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A senior reviewer's decision is final: no UPDATE (deleting the study still cascades).
-- Policy versions are immutable too: an edit is a new version. (Written by hand.)
CREATE TRIGGER "SafetyResolution_append_only"
  BEFORE UPDATE ON "SafetyResolution"
  FOR EACH ROW EXECUTE FUNCTION loupe_reject_judgment_update();

CREATE TRIGGER "PolicyTaxonomy_append_only"
  BEFORE UPDATE ON "PolicyTaxonomy"
  FOR EACH ROW EXECUTE FUNCTION loupe_reject_judgment_update();
