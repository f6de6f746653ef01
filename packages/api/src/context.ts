import type { Db } from "@loupe/db";
import type { Auth } from "./auth/auth";
import type { Runtime } from "./runtime";

export type SessionUser = { id: string; email: string; name: string; isAdmin: boolean };

export type Context = {
  db: Db;
  runtime: Runtime;
  user: SessionUser | null;
  /** The request's headers (rater sessions are cookies scoped to one study). */
  headers: Headers;
};

/** Build the tRPC context from request headers: the session cookie decides who is calling. */
export async function createContext(runtime: Runtime, headers: Headers): Promise<Context> {
  const session = await runtime.auth.api.getSession({ headers });
  const u = session?.user as
    { id: string; email: string; name: string; isAdmin?: boolean | null } | undefined;
  return {
    db: runtime.db,
    runtime,
    headers,
    user: u ? { id: u.id, email: u.email, name: u.name, isAdmin: Boolean(u.isAdmin) } : null,
  };
}

export type { Auth };
