/**
 * The one error type for "this file is not acceptable media", whatever the kind. Its message is a
 * single line that completes "the file was rejected: …", so importers can put it in a per-row report.
 */
export class MediaRejectedError extends Error {
  override name = "MediaRejectedError";
}

/** The file could not be parsed at all: nothing says what it was meant to be. */
export class UnreadableMediaError extends MediaRejectedError {
  override name = "UnreadableMediaError";
  constructor(
    readonly detail: string,
    what = "video or audio file",
  ) {
    super(`it is not a readable ${what} (${detail})`);
  }
}
