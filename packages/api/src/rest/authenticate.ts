import type { Project, ProjectRole } from "@loupe/db";
import { authenticateApiKey } from "../apikeys/service";
import type { Runtime } from "../runtime";

export type ApiCaller = { apiKeyId: string; role: ProjectRole; project: Project };

/** The key from `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function readApiKey(req: Request): string | null {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return req.headers.get("x-api-key")?.trim() || null;
}

export async function authenticate(runtime: Runtime, req: Request): Promise<ApiCaller | null> {
  const key = readApiKey(req);
  return key ? authenticateApiKey(runtime.db, key) : null;
}
