/** Preference-dataset exports, for the CLI, the worker and tests. */
export { buildDatasetExport, ExportBuildError, type ExportProgress } from "./build-export";
export { createDatasetExport } from "./create-export";
export { writeExportTo } from "./write-export";
export { readJudgments, type JudgmentBatch } from "./read-judgments";
export { EXPORT_FORMATS, exportConfig, type ExportConfigInput, type ExportFormat } from "./export-config";
export type { ExportManifest } from "./manifest";
