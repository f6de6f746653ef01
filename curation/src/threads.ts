/**
 * Deciding on worker threads (`@loupe/curation/threads`): for the worker and the CLI only. Its own
 * entry so that importing `@loupe/curation` (as the web app does) never reaches the thread file.
 */
export { DecisionPool, acquireDecisionPool, decideShardOnThreads } from "./run/decision-pool";
