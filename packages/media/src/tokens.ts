/**
 * Media tokens: the opaque part of `/media/<token>` URLs.
 *
 * Raters must stay blind, so a URL may not reveal which asset it is (an asset id or sha256 could
 * be looked up, or compared across pages to link an image to a model). The token is therefore
 * encrypted, not just signed: AES-256-GCM over a compact binary payload, keyed by HKDF from the
 * app secret. GCM's tag authenticates it, so a tampered token is refused.
 *
 * The nonce is derived from the payload (HMAC, as in SIV-style deterministic encryption) rather
 * than drawn at random: the same asset with the same expiry gives the same URL, so browsers can
 * cache it. Distinct payloads get distinct nonces (a 96-bit collision is not a practical concern),
 * and the only thing equal tokens reveal is that they point at the same file, which the pixels
 * already show.
 *
 * Layout (then base64url): version (1) ‖ nonce (12) ‖ ciphertext ‖ tag (16);
 * plaintext: sha256 (32) ‖ variant (1) ‖ exp, unix seconds (6, big-endian) ‖ mime (utf-8).
 */
import crypto from "node:crypto";
import { z } from "zod";

export const MEDIA_VARIANTS = ["original", "thumbnail"] as const;
export type MediaVariant = (typeof MEDIA_VARIANTS)[number];

/** The shortest app secret accepted (the same rule as LOUPE_AUTH_SECRET). */
export const MIN_SECRET_LENGTH = 32;

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FIXED_PLAINTEXT_BYTES = 32 + 1 + 6;
/** Longest token we bother to decode; real ones are about 100 characters. */
const MAX_TOKEN_CHARS = 512;

export const mediaTokenPayload = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lowercase hex characters"),
  variant: z.enum(MEDIA_VARIANTS),
  /** Served as Content-Type, so only plain `type/subtype` values. */
  mime: z
    .string()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, "mime must look like type/subtype"),
  /** Expiry, unix seconds. */
  exp: z
    .number()
    .int()
    .min(0)
    .max(2 ** 48 - 1),
});

export type MediaTokenPayload = z.infer<typeof mediaTokenPayload>;

export class MediaSecretError extends Error {
  override name = "MediaSecretError";
}

type Keys = { encrypt: Buffer; nonce: Buffer; etag: Buffer };
let cached: { secret: string; keys: Keys } | undefined;

/** Independent keys for encryption, nonce derivation and ETags, all from the one app secret. */
function keysFor(secret: string): Keys {
  if (cached?.secret === secret) return cached.keys;
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) {
    throw new MediaSecretError(`the media secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const derive = (info: string) => Buffer.from(crypto.hkdfSync("sha256", secret, "loupe-media", info, 32));
  const keys = {
    encrypt: derive("token-encryption-v1"),
    nonce: derive("token-nonce-v1"),
    etag: derive("etag-v1"),
  };
  cached = { secret, keys };
  return keys;
}

export function createMediaToken(payload: MediaTokenPayload, secret: string): string {
  const p = mediaTokenPayload.parse(payload);
  const keys = keysFor(secret);
  const plaintext = Buffer.alloc(FIXED_PLAINTEXT_BYTES);
  Buffer.from(p.sha256, "hex").copy(plaintext, 0);
  plaintext.writeUInt8(MEDIA_VARIANTS.indexOf(p.variant), 32);
  plaintext.writeUIntBE(p.exp, 33, 6);
  const full = Buffer.concat([plaintext, Buffer.from(p.mime, "utf8")]);

  const header = Buffer.from([VERSION]);
  const nonce = crypto
    .createHmac("sha256", keys.nonce)
    .update(header)
    .update(full)
    .digest()
    .subarray(0, NONCE_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", keys.encrypt, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const ciphertext = Buffer.concat([cipher.update(full), cipher.final()]);
  return Buffer.concat([header, nonce, ciphertext, cipher.getAuthTag()]).toString("base64url");
}

/**
 * The payload of a valid, unexpired token; null for anything else (garbage, tampered, expired,
 * made with another secret). Never throws on a bad token: it comes straight from a URL.
 * Throws only for a misconfigured secret.
 *
 * @param now unix seconds (defaults to the clock)
 */
export function readMediaToken(
  token: unknown,
  secret: string,
  now: number = Date.now() / 1000,
): MediaTokenPayload | null {
  const keys = keysFor(secret);
  if (typeof token !== "string" || token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token))
    return null;
  const raw = Buffer.from(token, "base64url");
  // Only the canonical spelling: one asset, one URL (and no malleable trailing bits).
  if (raw.toString("base64url") !== token) return null;
  if (raw.length < 1 + NONCE_BYTES + FIXED_PLAINTEXT_BYTES + TAG_BYTES || raw[0] !== VERSION) return null;

  const header = raw.subarray(0, 1);
  const nonce = raw.subarray(1, 1 + NONCE_BYTES);
  const ciphertext = raw.subarray(1 + NONCE_BYTES, raw.length - TAG_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  let plaintext: Buffer;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", keys.encrypt, nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }

  const parsed = mediaTokenPayload.safeParse({
    sha256: plaintext.subarray(0, 32).toString("hex"),
    variant: MEDIA_VARIANTS[plaintext.readUInt8(32)],
    exp: plaintext.readUIntBE(33, 6),
    mime: plaintext.subarray(FIXED_PLAINTEXT_BYTES).toString("utf8"),
  });
  if (!parsed.success || parsed.data.exp <= now) return null;
  return parsed.data;
}

/**
 * A strong ETag for a stored file that does not disclose its sha256 (a keyed hash of it):
 * a rater's browser sees ETags too.
 */
export function mediaEtag(sha256: string, secret: string): string {
  const mac = crypto.createHmac("sha256", keysFor(secret).etag).update(sha256).digest();
  return `"${mac.subarray(0, 16).toString("base64url")}"`;
}
