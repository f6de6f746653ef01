-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('leased', 'completed', 'skipped', 'expired');

-- CreateTable
CREATE TABLE "StudyTask" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "outputAId" TEXT NOT NULL,
    "outputBId" TEXT NOT NULL,
    "isGold" BOOLEAN NOT NULL DEFAULT false,
    "goldAnswers" JSONB,
    "target" INTEGER NOT NULL,
    "activeCount" INTEGER NOT NULL DEFAULT 0,
    "judgmentCount" INTEGER NOT NULL DEFAULT 0,
    "sortKey" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rater" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "userId" TEXT,
    "inviteId" TEXT,
    "externalId" TEXT,
    "sessionTokenHash" TEXT,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "excludedReason" TEXT,
    "judgmentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rater_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyInvite" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "maxRaters" INTEGER,
    "raterCount" INTEGER NOT NULL DEFAULT 0,
    "externalIdParam" TEXT,
    "completionCode" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "swapped" BOOLEAN NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'leased',
    "leasedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "skipReason" TEXT,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Judgment" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "swapped" BOOLEAN NOT NULL,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Judgment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgmentUndo" (
    "id" TEXT NOT NULL,
    "judgmentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JudgmentUndo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudyTask_studyId_outputAId_outputBId_key" ON "StudyTask"("studyId", "outputAId", "outputBId");

-- CreateIndex
CREATE INDEX "StudyTask_studyId_isGold_activeCount_sortKey_idx" ON "StudyTask"("studyId", "isGold", "activeCount", "sortKey");

-- CreateIndex
CREATE INDEX "StudyTask_promptId_idx" ON "StudyTask"("promptId");

-- CreateIndex
CREATE INDEX "StudyTask_outputAId_idx" ON "StudyTask"("outputAId");

-- CreateIndex
CREATE INDEX "StudyTask_outputBId_idx" ON "StudyTask"("outputBId");

-- CreateIndex
CREATE UNIQUE INDEX "Rater_sessionTokenHash_key" ON "Rater"("sessionTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Rater_studyId_userId_key" ON "Rater"("studyId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Rater_studyId_externalId_key" ON "Rater"("studyId", "externalId");

-- CreateIndex
CREATE INDEX "Rater_inviteId_idx" ON "Rater"("inviteId");

-- CreateIndex
CREATE INDEX "Rater_userId_idx" ON "Rater"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyInvite_token_key" ON "StudyInvite"("token");

-- CreateIndex
CREATE INDEX "StudyInvite_studyId_idx" ON "StudyInvite"("studyId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_taskId_raterId_key" ON "Assignment"("taskId", "raterId");

-- CreateIndex
CREATE INDEX "Assignment_raterId_status_idx" ON "Assignment"("raterId", "status");

-- CreateIndex
CREATE INDEX "Assignment_studyId_status_expiresAt_idx" ON "Assignment"("studyId", "status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Judgment_raterId_idempotencyKey_key" ON "Judgment"("raterId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Judgment_studyId_createdAt_idx" ON "Judgment"("studyId", "createdAt");

-- CreateIndex
CREATE INDEX "Judgment_taskId_idx" ON "Judgment"("taskId");

-- CreateIndex
CREATE INDEX "Judgment_assignmentId_idx" ON "Judgment"("assignmentId");

-- CreateIndex
CREATE UNIQUE INDEX "JudgmentUndo_judgmentId_key" ON "JudgmentUndo"("judgmentId");

-- AddForeignKey
ALTER TABLE "StudyTask" ADD CONSTRAINT "StudyTask_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyTask" ADD CONSTRAINT "StudyTask_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyTask" ADD CONSTRAINT "StudyTask_outputAId_fkey" FOREIGN KEY ("outputAId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyTask" ADD CONSTRAINT "StudyTask_outputBId_fkey" FOREIGN KEY ("outputBId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rater" ADD CONSTRAINT "Rater_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rater" ADD CONSTRAINT "Rater_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rater" ADD CONSTRAINT "Rater_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "StudyInvite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyInvite" ADD CONSTRAINT "StudyInvite_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StudyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Rater"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Judgment" ADD CONSTRAINT "Judgment_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Judgment" ADD CONSTRAINT "Judgment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StudyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Judgment" ADD CONSTRAINT "Judgment_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Rater"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Judgment" ADD CONSTRAINT "Judgment_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgmentUndo" ADD CONSTRAINT "JudgmentUndo_judgmentId_fkey" FOREIGN KEY ("judgmentId") REFERENCES "Judgment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Judgments are append-only: an undo or a correction is a new row. Deleting a whole study (its
-- rows cascade) stays possible. (Written by hand; Prisma has no syntax for it.)
CREATE FUNCTION loupe_reject_judgment_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: UPDATE is not allowed', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Judgment_append_only"
  BEFORE UPDATE ON "Judgment"
  FOR EACH ROW EXECUTE FUNCTION loupe_reject_judgment_update();

CREATE TRIGGER "JudgmentUndo_append_only"
  BEFORE UPDATE ON "JudgmentUndo"
  FOR EACH ROW EXECUTE FUNCTION loupe_reject_judgment_update();
