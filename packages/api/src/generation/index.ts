/** The worker's side of generation (`@loupe/api/generation`). */
export { runGenerationChunk, type ChunkContext, type ChunkOutcome } from "./run-chunk";
export { DEFAULT_DEAD_AFTER_MS, releaseChunksOfDeadWorkers } from "./dead-workers";
export { createGenerationJob, type CreateGenerationJob } from "./create-job";
export { getGenerationJob, listGenerationJobs } from "./progress";
export { cancelGenerationJob, resumeGenerationJob } from "./control";
