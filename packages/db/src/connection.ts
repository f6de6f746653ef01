import pg from "pg";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Redact the password in a connection URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparseable DATABASE_URL>";
  }
}

/**
 * Connect once and disconnect, turning driver errors into one line that says what to do.
 * Used before anything else touches a user-supplied DATABASE_URL.
 */
export async function checkDatabaseUrl(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string };
    const where = redactUrl(url);
    let hint: string;
    switch (e.code) {
      case "ECONNREFUSED":
        hint = "nothing is listening there; start PostgreSQL or fix the host/port";
        break;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        hint = "the host name does not resolve";
        break;
      case "28P01":
      case "28000":
        hint = "authentication failed; check the user and password";
        break;
      case "3D000":
        hint = "the database does not exist; create it (createdb) or fix the name";
        break;
      default:
        hint = e.message || String(err);
    }
    throw new DatabaseUnreachableError(`cannot connect to DATABASE_URL ${where}: ${hint}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
