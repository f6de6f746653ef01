import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveMedia } from "./http";
import { parseRange } from "./range";
import { LocalMediaStorage } from "./storage";
import { createMediaToken } from "./tokens";

const secret = "test-secret-test-secret-test-secret-0123";
const now = 1_800_000_000;
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let root: string;
let storage: LocalMediaStorage;
let token: string;
let sha256: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-serve-"));
  storage = new LocalMediaStorage(root);
  sha256 = (await storage.put(bytes)).sha256;
  token = createMediaToken({ sha256, variant: "original", mime: "image/png", exp: now + 600 }, secret);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const serve = (headers: Record<string, string> = {}, t = token, method = "GET") =>
  serveMedia(new Request(`http://loupe.test/media/${t}`, { method, headers }), t, {
    storage,
    secret,
    now: () => now,
  });
const body = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("serveMedia", () => {
  it("serves the whole file with cache, type and safety headers", async () => {
    const res = await serve();
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual(bytes);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-length")).toBe("1000");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, max-age=600, immutable");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etag).not.toContain(sha256.slice(0, 8));
    for (const [, value] of res.headers) expect(value).not.toContain(sha256);
  });

  it("serves a byte range as 206 with Content-Range", async () => {
    const res = await serve({ Range: "bytes=100-199" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(res.headers.get("content-length")).toBe("100");
    expect(await body(res)).toEqual(bytes.subarray(100, 200));
  });

  it("serves open-ended and suffix ranges", async () => {
    const open = await serve({ Range: "bytes=990-" });
    expect(open.status).toBe(206);
    expect(open.headers.get("content-range")).toBe("bytes 990-999/1000");
    expect(await body(open)).toEqual(bytes.subarray(990));

    const suffix = await serve({ Range: "bytes=-10" });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe("bytes 990-999/1000");
    expect(await body(suffix)).toEqual(bytes.subarray(990));

    const clamped = await serve({ Range: "bytes=995-5000" });
    expect(clamped.headers.get("content-range")).toBe("bytes 995-999/1000");
    expect(await body(clamped)).toEqual(bytes.subarray(995));
  });

  it("answers 416 for a range past the end", async () => {
    for (const range of ["bytes=1000-", "bytes=5000-6000", "bytes=-0"]) {
      const res = await serve({ Range: range });
      expect(res.status).toBe(416);
      expect(res.headers.get("content-range")).toBe("bytes */1000");
    }
  });

  it("ignores ranges it does not serve and sends the whole file", async () => {
    for (const range of ["bytes=0-1,5-6", "items=0-1", "bytes=9-3", "bytes=-", "nonsense"]) {
      const res = await serve({ Range: range });
      expect(res.status).toBe(200);
      expect((await body(res)).length).toBe(1000);
    }
  });

  it("honours If-Range: a range only for the same file", async () => {
    const etag = (await serve()).headers.get("etag")!;
    expect((await serve({ Range: "bytes=0-9", "If-Range": etag })).status).toBe(206);
    expect((await serve({ Range: "bytes=0-9", "If-Range": '"something-else"' })).status).toBe(200);
  });

  it("answers 304 when the browser already has it", async () => {
    const etag = (await serve()).headers.get("etag")!;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await serve({ "If-None-Match": inm });
      expect(res.status).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(await body(res)).toHaveLength(0);
    }
    expect((await serve({ "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("answers HEAD with headers only", async () => {
    const res = await serve({}, token, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("1000");
    expect(await body(res)).toHaveLength(0);
  });

  it("answers a bare 404 for bad, tampered and expired tokens and for missing files", async () => {
    const expired = createMediaToken(
      { sha256, variant: "original", mime: "image/png", exp: now - 1 },
      secret,
    );
    const missing = createMediaToken(
      { sha256: "0".repeat(64), variant: "original", mime: "image/png", exp: now + 60 },
      secret,
    );
    const tampered = token.slice(0, 20) + (token[20] === "A" ? "B" : "A") + token.slice(21);
    for (const t of ["garbage", "", expired, missing, tampered, "../../../etc/passwd"]) {
      const res = await serve({}, t);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("Not found");
    }
  });

  it("refuses methods other than GET and HEAD", async () => {
    expect((await serve({}, token, "POST")).status).toBe(405);
  });
});

describe("parseRange", () => {
  it("reads the three single-range forms and clamps to the file", () => {
    expect(parseRange("bytes=0-0", 10)).toEqual({ kind: "partial", start: 0, end: 0 });
    expect(parseRange("bytes=3-", 10)).toEqual({ kind: "partial", start: 3, end: 9 });
    expect(parseRange("bytes=-3", 10)).toEqual({ kind: "partial", start: 7, end: 9 });
    expect(parseRange("bytes=-30", 10)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(parseRange(null, 10)).toEqual({ kind: "whole" });
  });

  it("finds every range of an empty file unsatisfiable", () => {
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-5", 0)).toEqual({ kind: "unsatisfiable" });
  });
});
