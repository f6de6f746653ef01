-- Precomputed study results (leaderboards) and revocable read-only share links.
CREATE TABLE "StudyResult" (
    "studyId" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fingerprint" TEXT NOT NULL,
    "judgments" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    CONSTRAINT "StudyResult_pkey" PRIMARY KEY ("studyId")
);

CREATE TABLE "ResultsShare" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "ResultsShare_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ResultsShare_tokenHash_key" ON "ResultsShare"("tokenHash");
CREATE INDEX "ResultsShare_studyId_idx" ON "ResultsShare"("studyId");

ALTER TABLE "StudyResult" ADD CONSTRAINT "StudyResult_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResultsShare" ADD CONSTRAINT "ResultsShare_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;
