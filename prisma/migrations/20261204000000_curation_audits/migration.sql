-- Human audits of curation filters: sampled items of a finished run, shown blind to members who
-- answer "should this have been dropped?"; each filter's precision is read from the answers.

-- CreateEnum
CREATE TYPE "CurationAuditStatus" AS ENUM ('preparing', 'open', 'failed');

-- CreateEnum
CREATE TYPE "CurationAuditVerdict" AS ENUM ('drop', 'keep', 'unsure');

-- CreateTable
CREATE TABLE "CurationAudit" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "status" "CurationAuditStatus" NOT NULL DEFAULT 'preparing',
    "itemsPerGroup" INTEGER NOT NULL,
    "answersPerItem" INTEGER NOT NULL,
    "unavailable" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),

    CONSTRAINT "CurationAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CurationAuditItem" (
    "id" TEXT NOT NULL,
    "auditId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sampleGroup" TEXT NOT NULL,
    "reason" TEXT,
    "position" INTEGER NOT NULL,
    "mediaKind" TEXT NOT NULL,
    "mediaSha256" TEXT NOT NULL,
    "mediaMime" TEXT NOT NULL,
    "thumbnailSha256" TEXT,
    "pairedMediaSha256" TEXT,
    "pairedMediaMime" TEXT,
    "answerCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CurationAuditItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CurationAuditAnswer" (
    "id" TEXT NOT NULL,
    "auditItemId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verdict" "CurationAuditVerdict" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CurationAuditAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CurationAudit_projectId_status_idx" ON "CurationAudit"("projectId", "status");

-- CreateIndex
CREATE INDEX "CurationAudit_runId_idx" ON "CurationAudit"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "CurationAuditItem_auditId_itemId_key" ON "CurationAuditItem"("auditId", "itemId");

-- CreateIndex
CREATE INDEX "CurationAuditItem_auditId_answerCount_position_idx" ON "CurationAuditItem"("auditId", "answerCount", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CurationAuditAnswer_auditItemId_userId_key" ON "CurationAuditAnswer"("auditItemId", "userId");

-- CreateIndex
CREATE INDEX "CurationAuditAnswer_userId_idx" ON "CurationAuditAnswer"("userId");

-- AddForeignKey
ALTER TABLE "CurationAudit" ADD CONSTRAINT "CurationAudit_runId_fkey" FOREIGN KEY ("runId") REFERENCES "CurationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurationAuditItem" ADD CONSTRAINT "CurationAuditItem_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "CurationAudit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurationAuditAnswer" ADD CONSTRAINT "CurationAuditAnswer_auditItemId_fkey" FOREIGN KEY ("auditItemId") REFERENCES "CurationAuditItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurationAuditAnswer" ADD CONSTRAINT "CurationAuditAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
