/** Outputs import, for the CLI, the REST handler and tests. */
export {
  importOutputs,
  type ImportOutputsOptions,
  type OutputImportReport,
  type OutputImportRow,
} from "./import-outputs";
export {
  parseOutputManifest,
  ManifestError,
  type ManifestFormat,
  type ParsedManifest,
} from "./parse-manifest";
export { rowsFromFolderPaths, stripTopFolder } from "./folder-layout";
export type { ManifestRow, ManifestRowError } from "./manifest-row";
