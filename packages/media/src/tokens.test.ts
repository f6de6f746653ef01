import { describe, expect, it } from "vitest";
import {
  createMediaToken,
  mediaEtag,
  MediaSecretError,
  readMediaToken,
  type MediaTokenPayload,
} from "./tokens";

const secret = "test-secret-test-secret-test-secret-0123";
const now = 1_800_000_000;
const payload: MediaTokenPayload = {
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  variant: "original",
  mime: "image/png",
  exp: now + 3600,
};

/** Changes one character in the middle of the token (a real change of the bytes). */
function tamper(token: string, at: number): string {
  const c = token[at] === "A" ? "B" : "A";
  return token.slice(0, at) + c + token.slice(at + 1);
}

describe("media tokens", () => {
  it("round-trip", () => {
    const token = createMediaToken(payload, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readMediaToken(token, secret, now)).toEqual(payload);
    const thumb = { ...payload, variant: "thumbnail" as const, mime: "image/webp" };
    expect(readMediaToken(createMediaToken(thumb, secret), secret, now)).toEqual(thumb);
  });

  it("reveal neither the sha256 nor any part of it", () => {
    const token = createMediaToken(payload, secret);
    expect(token).not.toContain(payload.sha256);
    expect(token).not.toContain(payload.sha256.slice(0, 12));
    expect(token).not.toContain(Buffer.from(payload.sha256, "hex").toString("base64url").slice(0, 12));
    expect(Buffer.from(token, "base64url").includes(Buffer.from(payload.sha256, "hex").subarray(0, 8))).toBe(
      false,
    );
  });

  it("are stable for the same target (browser caching) and differ between targets", () => {
    expect(createMediaToken(payload, secret)).toBe(createMediaToken({ ...payload }, secret));
    expect(createMediaToken(payload, secret)).not.toBe(
      createMediaToken({ ...payload, variant: "thumbnail" }, secret),
    );
    expect(createMediaToken(payload, secret)).not.toBe(
      createMediaToken({ ...payload, exp: payload.exp + 1 }, secret),
    );
  });

  it("read as null when tampered with, anywhere", () => {
    const token = createMediaToken(payload, secret);
    for (let at = 0; at < token.length - 1; at++)
      expect(readMediaToken(tamper(token, at), secret, now)).toBeNull();
    expect(readMediaToken(token.slice(0, -1), secret, now)).toBeNull();
    expect(readMediaToken(token + "A", secret, now)).toBeNull();
  });

  it("read as null once expired", () => {
    const token = createMediaToken(payload, secret);
    expect(readMediaToken(token, secret, payload.exp - 1)).not.toBeNull();
    expect(readMediaToken(token, secret, payload.exp)).toBeNull();
    expect(readMediaToken(token, secret, payload.exp + 10)).toBeNull();
  });

  it("read as null under another secret, and for garbage, without throwing", () => {
    const token = createMediaToken(payload, secret);
    expect(readMediaToken(token, "another-secret-another-secret-another", now)).toBeNull();
    for (const junk of [
      "",
      "x",
      "not a token!",
      "../../etc/passwd",
      "A".repeat(100),
      "A".repeat(5000),
      "%00",
      null,
      undefined,
      42,
      {},
    ]) {
      expect(readMediaToken(junk, secret, now)).toBeNull();
    }
  });

  it("refuse short secrets and invalid payloads when created", () => {
    expect(() => createMediaToken(payload, "short")).toThrow(MediaSecretError);
    expect(() => createMediaToken({ ...payload, sha256: "../x" }, secret)).toThrow();
    expect(() => createMediaToken({ ...payload, mime: "text/html\r\nX-Evil: 1" }, secret)).toThrow();
  });

  it("give ETags that are stable, quoted and not the sha256", () => {
    const etag = mediaEtag(payload.sha256, secret);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etag).toBe(mediaEtag(payload.sha256, secret));
    expect(etag).not.toContain(payload.sha256.slice(0, 8));
    expect(mediaEtag(payload.sha256, "another-secret-another-secret-another")).not.toBe(etag);
  });
});
