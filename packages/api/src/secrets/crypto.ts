/**
 * Encryption at rest for adapter secrets: AES-256-GCM with a random 96-bit nonce, under a key
 * derived (HKDF-SHA256) from the server secret, with the project id and secret name as
 * associated data — a ciphertext copied to another project or name does not decrypt.
 *
 * Workers on other machines decrypt with the same LOUPE_AUTH_SECRET; a worker with another
 * secret gets a clear error, never garbage.
 */
import crypto from "node:crypto";

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function keyFor(serverSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", serverSecret, "loupe-secrets", "adapter-secret-v1", 32));
}

const aad = (projectId: string, name: string) => Buffer.from(`${projectId}\0${name}`, "utf8");

export function encryptSecret(serverSecret: string, projectId: string, name: string, value: string): string {
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor(serverSecret), nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(aad(projectId, name));
  const ciphertext = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString("base64");
}

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

export function decryptSecret(serverSecret: string, projectId: string, name: string, stored: string): string {
  const raw = Buffer.from(stored, "base64");
  try {
    const decipher = crypto.createDecipheriv(
      "aes-256-gcm",
      keyFor(serverSecret),
      raw.subarray(0, NONCE_BYTES),
      {
        authTagLength: TAG_BYTES,
      },
    );
    decipher.setAAD(aad(projectId, name));
    decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SecretDecryptionError(
      `the secret "${name}" cannot be decrypted here: this process's LOUPE_AUTH_SECRET differs from the one that stored it`,
    );
  }
}
