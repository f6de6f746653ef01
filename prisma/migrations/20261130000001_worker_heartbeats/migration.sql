-- Job-runner heartbeats: a job locked by a worker whose heartbeat stopped is unlocked by the
-- others' sweep (graphile-worker alone keeps it locked for hours).
CREATE TABLE "WorkerHeartbeat" (
    "workerId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);
