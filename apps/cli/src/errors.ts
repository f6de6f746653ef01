/** Errors that end a command with one line on stderr and exit code 1 (no stack trace). */
export class CliError extends Error {
  override name = "CliError";
}

const ONE_LINE_ERRORS = new Set([
  "CliError",
  "ConfigError",
  "DatabaseUnreachableError",
  "EmbeddedPostgresError",
  "ManifestError",
  "MediaToolMissingError",
  "MigrationError",
  "PromptFileError",
  "ReferenceManifestError",
  "TRPCError",
  "UserExistsError",
  "ZodError",
]);

export function isExpectedError(err: unknown): err is Error {
  return err instanceof Error && ONE_LINE_ERRORS.has(err.name);
}

export function formatZodError(err: unknown): string | null {
  if (err instanceof Error && err.name === "ZodError" && "issues" in err) {
    const issues = (err as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    return issues.map((i) => `${i.path.map(String).join(".") || "input"}: ${i.message}`).join("; ");
  }
  return null;
}
