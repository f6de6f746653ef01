import { describe, expect, it } from "vitest";
import { checkRevealToken, createRevealToken } from "./reveal-token";

const SECRET = "s".repeat(32);

describe("reveal tokens", () => {
  it("round-trip until they expire", () => {
    const expires = new Date(Date.now() + 60_000);
    const token = createRevealToken(SECRET, "assignment-1", expires);
    expect(checkRevealToken(SECRET, token)).toEqual({ ok: true, subject: "assignment-1" });
    expect(checkRevealToken(SECRET, token, Date.now() + 120_000)).toEqual({
      ok: false,
      reason: "expired",
      subject: "assignment-1",
    });
  });

  it("refuse a forged or altered token", () => {
    const token = createRevealToken(SECRET, "assignment-1", new Date(Date.now() + 60_000));
    expect(checkRevealToken("t".repeat(32), token).ok).toBe(false);
    expect(checkRevealToken(SECRET, token.replace("assignment-1", "assignment-2")).ok).toBe(false);
    // Pushing the expiry out breaks the signature.
    const [id, exp, sig] = token.split(".");
    expect(checkRevealToken(SECRET, `${id}.${Number(exp) + 3600}.${sig}`)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(checkRevealToken(SECRET, "garbage")).toEqual({ ok: false, reason: "invalid" });
  });
});
