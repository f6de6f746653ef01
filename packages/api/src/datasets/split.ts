/**
 * Deterministic train/validation/test split by prompt, so no prompt's images are on both sides of
 * an evaluation: a prompt's place is a hash of (seed, prompt id) read as a number in [0, 1), the
 * same on every run and independent of which other prompts are exported.
 */
import crypto from "node:crypto";
import type { Split } from "./export-config";

export function splitOfPrompt(
  promptId: string,
  seed: number,
  fractions: { train: number; validation: number; test: number },
): Split {
  const digest = crypto.createHash("sha256").update(`${seed}:${promptId}`).digest();
  // 53 bits: exactly representable, uniform in [0, 1).
  const u = Number(digest.readBigUInt64BE(0) >> 11n) / 2 ** 53;
  if (u < fractions.train) return "train";
  if (u < fractions.train + fractions.validation) return "validation";
  return "test";
}

/** A rater's id in an export: HMAC-SHA256 under the export's salt, so exports cannot be joined. */
export function pseudonym(raterId: string, salt: string): string {
  return crypto.createHmac("sha256", salt).update(raterId).digest("hex").slice(0, 16);
}
