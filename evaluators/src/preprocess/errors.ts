/**
 * The one error the preprocessing raises for bad input: bytes that are not an image, an image over
 * the pixel limit, a size or spec that cannot be honoured. Callers turn it into a per-item error
 * record (house rule: bad input gets a clear error, never a crash).
 */
export class PreprocessError extends Error {
  override name = "PreprocessError";
}

/** The message of anything thrown, for wrapping library errors into a PreprocessError. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
