/**
 * A run-level source error: the source as configured cannot be read at all (a missing root, a
 * manifest without the named column, an unreadable Parquet footer, a shard pattern naming files
 * that are not there). It is thrown before any item is yielded, with a one-line message, so a run
 * stops before any work starts. Problems with one item never throw: they become error items.
 */
export class SourceError extends Error {
  override name = "SourceError";
}

/** The message of anything thrown, on one line. */
export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, " ").trim() || "unknown error";
}

/** The errno code of a Node.js file-system error, if it has one. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}
