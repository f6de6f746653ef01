/** Curation runs: create, plan, decide shards, finish, control and read (`@loupe/api/curation`). */
export { createCurationRun, type CreateCurationRunOptions, type CurationActor } from "./create-run";
export { planCurationRun, CurationSourceChangedError } from "./plan";
export { runCurationShard } from "./run-shard";
export { finishCurationRun } from "./finish";
export { pauseCurationRun, resumeCurationRun, cancelCurationRun, markCurationRunFailed } from "./control";
export {
  getCurationRun,
  listCurationRuns,
  type CurationRunView,
  type CurationProgress,
  type CurationSampleView,
} from "./read";
export { projectCurationFunnel, stageChanges, type StageChanges } from "./project-funnel";
export { readStored } from "./stored-files";
export type {
  CurationSummary,
  CurationOutputs,
  CurationOutput,
  CurationSample,
  DuplicateCluster,
} from "./summary";
