/** Preference-dataset exports, for the CLI, the worker and tests. */
export { buildDatasetExport, createDatasetExport, ExportBuildError, writeExportTo } from "./build-export";
export { EXPORT_FORMATS, exportConfig, type ExportConfigInput, type ExportFormat } from "./export-config";
export type { ExportManifest } from "./manifest";
