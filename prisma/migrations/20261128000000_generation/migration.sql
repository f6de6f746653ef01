-- Generation workers: encrypted adapter secrets, generation jobs split into chunks, per-item
-- failures, and how each generated output was made.
CREATE TYPE "GenerationStatus" AS ENUM ('queued', 'running', 'done', 'cancelled');
CREATE TYPE "GenerationChunkStatus" AS ENUM ('pending', 'running', 'done');

CREATE TABLE "Secret" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Secret_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GenerationJob" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "promptSetId" TEXT NOT NULL,
    "seeds" BIGINT[],
    "params" JSONB NOT NULL DEFAULT '{}',
    "paramsHash" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "chunkSize" INTEGER NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "status" "GenerationStatus" NOT NULL DEFAULT 'queued',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "GenerationJob_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GenerationChunk" (
    "jobId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "status" "GenerationChunkStatus" NOT NULL DEFAULT 'pending',
    "workerId" TEXT,
    "workerHost" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "GenerationChunk_pkey" PRIMARY KEY ("jobId","index")
);

CREATE TABLE "GenerationFailure" (
    "jobId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "seed" BIGINT NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "workerHost" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GenerationFailure_pkey" PRIMARY KEY ("jobId","promptId","seed")
);

ALTER TABLE "Output" ADD COLUMN "adapter" TEXT,
ADD COLUMN "executionProvider" TEXT,
ADD COLUMN "workerHost" TEXT,
ADD COLUMN "generationJobId" TEXT;

CREATE UNIQUE INDEX "Secret_projectId_name_key" ON "Secret"("projectId", "name");
CREATE INDEX "GenerationJob_projectId_createdAt_idx" ON "GenerationJob"("projectId", "createdAt");
CREATE INDEX "GenerationChunk_status_heartbeatAt_idx" ON "GenerationChunk"("status", "heartbeatAt");
CREATE INDEX "Output_generationJobId_idx" ON "Output"("generationJobId");

ALTER TABLE "Secret" ADD CONSTRAINT "Secret_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GenerationJob" ADD CONSTRAINT "GenerationJob_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GenerationJob" ADD CONSTRAINT "GenerationJob_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "GenModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GenerationJob" ADD CONSTRAINT "GenerationJob_promptSetId_fkey" FOREIGN KEY ("promptSetId") REFERENCES "PromptSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GenerationChunk" ADD CONSTRAINT "GenerationChunk_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "GenerationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GenerationFailure" ADD CONSTRAINT "GenerationFailure_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "GenerationJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Output" ADD CONSTRAINT "Output_generationJobId_fkey" FOREIGN KEY ("generationJobId") REFERENCES "GenerationJob"("id") ON DELETE SET NULL ON UPDATE CASCADE;
