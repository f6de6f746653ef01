-- Curation runs: a pipeline definition over a corpus, split into shards whose items and
-- decisions are files in media storage; shard completion is recorded so a run resumes.

-- CreateEnum
CREATE TYPE "CurationRunStatus" AS ENUM ('planning', 'running', 'paused', 'cancelled', 'finishing', 'done', 'failed');

-- CreateEnum
CREATE TYPE "CurationShardStatus" AS ENUM ('pending', 'done');

-- CreateTable
CREATE TABLE "CurationRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "status" "CurationRunStatus" NOT NULL DEFAULT 'planning',
    "shardSize" INTEGER NOT NULL,
    "total" INTEGER,
    "shardCount" INTEGER,
    "summary" JSONB,
    "kept" INTEGER,
    "outputs" JSONB,
    "skippedStages" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CurationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CurationShard" (
    "runId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "itemsSha256" TEXT NOT NULL,
    "status" "CurationShardStatus" NOT NULL DEFAULT 'pending',
    "decisionsSha256" TEXT,
    "tally" JSONB,
    "durationMs" INTEGER,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CurationShard_pkey" PRIMARY KEY ("runId","index")
);

-- CreateIndex
CREATE INDEX "CurationRun_projectId_createdAt_idx" ON "CurationRun"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "CurationShard_runId_status_idx" ON "CurationShard"("runId", "status");

-- AddForeignKey
ALTER TABLE "CurationRun" ADD CONSTRAINT "CurationRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CurationShard" ADD CONSTRAINT "CurationShard_runId_fkey" FOREIGN KEY ("runId") REFERENCES "CurationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
