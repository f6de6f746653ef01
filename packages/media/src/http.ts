/**
 * Serves `/media/<token>` with Web-standard Request/Response (a Next.js route handler calls it).
 *
 * Everything a browser can see stays blind: a bad, tampered or expired token and a missing file
 * all get the same bare 404, and the ETag is a keyed hash rather than the sha256. Files are
 * streamed, never buffered, and byte ranges are honoured so video can seek.
 */
import { Readable } from "node:stream";
import { parseRange } from "./range";
import type { MediaStorage } from "./storage";
import { mediaEtag, readMediaToken } from "./tokens";

export type ServeMediaDeps = {
  storage: MediaStorage;
  secret: string;
  /** Unix seconds; the clock unless a test pins it. */
  now?: () => number;
};

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });

/** `If-None-Match` holds `*` or a list of (possibly weak) tags; weak comparison applies (RFC 9110 §13.1.2). */
function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

export async function serveMedia(request: Request, token: string, deps: ServeMediaDeps): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response(null, { status: 405, headers: { Allow: "GET, HEAD" } });
  }
  const now = deps.now?.() ?? Date.now() / 1000;
  const target = readMediaToken(token, deps.secret, now);
  if (!target) return notFound();
  const stat = await deps.storage.stat(target.sha256);
  if (!stat) return notFound();

  const etag = mediaEtag(target.sha256, deps.secret);
  const headers = new Headers({
    "Cache-Control": `private, max-age=${Math.max(0, Math.floor(target.exp - now))}, immutable`,
    ETag: etag,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    // Opened directly, a media URL is a document: give it no powers (defence in depth).
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }

  headers.set("Content-Type", target.mime);
  // If-Range: only serve the range when the client's copy is this very file.
  const ifRange = request.headers.get("if-range");
  const rangeHeader = ifRange !== null && ifRange.trim() !== etag ? null : request.headers.get("range");
  const range = parseRange(rangeHeader, stat.bytes);

  if (range.kind === "unsatisfiable") {
    headers.delete("Content-Type");
    headers.set("Content-Range", `bytes */${stat.bytes}`);
    return new Response(null, { status: 416, headers });
  }
  const partial = range.kind === "partial" ? { start: range.start, end: range.end } : undefined;
  const length = partial ? partial.end - partial.start + 1 : stat.bytes;
  headers.set("Content-Length", String(length));
  if (partial) headers.set("Content-Range", `bytes ${partial.start}-${partial.end}/${stat.bytes}`);
  const status = partial ? 206 : 200;

  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers });
  const body = Readable.toWeb(
    deps.storage.createReadStream(target.sha256, partial),
  ) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}
