/**
 * The one error type for "this file is not acceptable media", whatever the kind. Its message is a
 * single line that completes "the file was rejected: …", so importers can put it in a per-row report.
 */
export class MediaRejectedError extends Error {
  override name = "MediaRejectedError";
}
