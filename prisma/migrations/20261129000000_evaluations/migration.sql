-- Automatic evaluators: registered ONNX models, evaluation runs in chunks, per-output metric
-- values (a finite value or the reason there is none), and an encoder-output cache per asset.
CREATE TYPE "EvaluationStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');
CREATE TYPE "EvaluationChunkStatus" AS ENUM ('pending', 'done');

CREATE TABLE "EvaluatorModel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvaluatorModel_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EvaluationRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "chunkSize" INTEGER NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'queued',
    "summary" JSONB,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EvaluationChunk" (
    "runId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "outputIds" TEXT[],
    "status" "EvaluationChunkStatus" NOT NULL DEFAULT 'pending',
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "EvaluationChunk_pkey" PRIMARY KEY ("runId","index")
);

CREATE TABLE "MetricValue" (
    "runId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "outputId" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "error" TEXT,
    CONSTRAINT "MetricValue_pkey" PRIMARY KEY ("runId","metric","outputId"),
    -- Never NaN or infinite in storage, and never neither a value nor a reason.
    CONSTRAINT "MetricValue_value_finite" CHECK ("value" IS NULL OR ("value" <> 'NaN'::float8 AND "value" NOT IN ('Infinity'::float8, '-Infinity'::float8))),
    CONSTRAINT "MetricValue_value_or_error" CHECK (("value" IS NULL) <> ("error" IS NULL))
);

CREATE TABLE "FeatureVector" (
    "assetId" TEXT NOT NULL,
    "encoder" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeatureVector_pkey" PRIMARY KEY ("assetId","encoder")
);

CREATE UNIQUE INDEX "EvaluatorModel_name_key" ON "EvaluatorModel"("name");
CREATE INDEX "EvaluationRun_projectId_createdAt_idx" ON "EvaluationRun"("projectId", "createdAt");
CREATE INDEX "EvaluationRun_scope_scopeId_idx" ON "EvaluationRun"("scope", "scopeId");
CREATE INDEX "MetricValue_outputId_idx" ON "MetricValue"("outputId");

ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EvaluationChunk" ADD CONSTRAINT "EvaluationChunk_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MetricValue" ADD CONSTRAINT "MetricValue_outputId_fkey" FOREIGN KEY ("outputId") REFERENCES "Output"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FeatureVector" ADD CONSTRAINT "FeatureVector_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
