/** Reference-media import, for the CLI, the REST handler and tests. */
export { importPromptReferences, type ReferenceImportReport } from "./import-references";
export {
  parseReferenceManifest,
  ReferenceManifestError,
  type ReferenceRow,
} from "./parse-reference-manifest";
