export { defineJob, type JobDefinition, type JobPayload } from "./define";
export { jobDefinitions, jobDefinitionsByName, verifyMedia } from "./definitions";
export { enqueueJob, listJobRuns } from "./enqueue";
export { jobEnvelopeSchema } from "./envelope";
