import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "./crypto";

const server = "s".repeat(40);

describe("adapter secrets at rest", () => {
  it("round-trips, and the stored form neither contains nor repeats the value", () => {
    const a = encryptSecret(server, "p1", "openai", "sk-live-123");
    const b = encryptSecret(server, "p1", "openai", "sk-live-123");
    expect(a).not.toContain("sk-live");
    expect(a).not.toBe(b);
    expect(decryptSecret(server, "p1", "openai", a)).toBe("sk-live-123");
  });

  it("does not decrypt under another server secret, project or name", () => {
    const stored = encryptSecret(server, "p1", "openai", "sk-live-123");
    expect(() => decryptSecret("t".repeat(40), "p1", "openai", stored)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(server, "p2", "openai", stored)).toThrow(/LOUPE_AUTH_SECRET/);
    expect(() => decryptSecret(server, "p1", "other", stored)).toThrow(SecretDecryptionError);
  });
});
