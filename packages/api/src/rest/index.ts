export { handleRestRequest } from "./handler";
export { handleSessionUpload, type UploadKind } from "./session-upload";
export { handleSessionExportDownload } from "./session-download";
export { handleCurationOutputDownload } from "./curation-download";
