/**
 * Reveal links. A review item's media arrive blurred; the full media is fetched through a reveal
 * token bound to a subject (the reviewer's assignment, expiring with its lease, or a queued item
 * for a senior reviewer). Revealing is logged, and the media URL it returns is itself short-lived.
 */
import crypto from "node:crypto";

const sign = (secret: string, body: string) =>
  crypto.createHmac("sha256", `loupe.safety.reveal:${secret}`).update(body).digest("base64url");

export function createRevealToken(secret: string, subject: string, expiresAt: Date): string {
  const body = `${subject}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${sign(secret, body)}`;
}

export type RevealTokenCheck =
  { ok: true; subject: string } | { ok: false; reason: "invalid" | "expired"; subject?: string };

export function checkRevealToken(secret: string, token: string, now = Date.now()): RevealTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [subject, exp, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${subject}.${exp}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given))
    return { ok: false, reason: "invalid" };
  if (Number(exp) * 1000 < now) return { ok: false, reason: "expired", subject };
  return { ok: true, subject };
}
