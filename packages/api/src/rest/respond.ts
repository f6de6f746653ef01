import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { ManifestError } from "../outputs/import/parse-manifest";
import { PromptFileError } from "../prompt-sets/import/parse-prompt-file";
import { ReferenceManifestError } from "../prompt-sets/references/parse-reference-manifest";

export function json(body: unknown, status = 200): Response {
  return new Response(
    JSON.stringify(body, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } },
  );
}

export function error(status: number, message: string): Response {
  return json({ error: message }, status);
}

const STATUS_BY_CODE: Partial<Record<TRPCError["code"], number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** Service errors become a status and one readable line; anything unexpected is a 500 without details. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ZodError) {
    return error(400, err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  // A file that cannot be read as a whole (e.g. an unknown CSV column) is the caller's to fix.
  if (err instanceof ManifestError || err instanceof PromptFileError || err instanceof ReferenceManifestError)
    return error(400, err.message);
  if (err instanceof TRPCError && STATUS_BY_CODE[err.code])
    return error(STATUS_BY_CODE[err.code]!, err.message);
  console.error("REST /api/v1:", err);
  return error(500, "internal error; the server log has details");
}
