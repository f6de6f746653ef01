/**
 * SHA256SUMS: every file of an export (card, data files, images) as `sha256sum` writes it —
 * `<hex>  <path>` per line — so a downloaded export checks itself with `sha256sum -c SHA256SUMS`.
 * The manifest lists the card, the data files and this file; the images (there may be millions)
 * are listed here only, and read back from here by the archive and the download.
 */
import readline from "node:readline";
import type { MediaStorage } from "@loupe/media";

export const CHECKSUMS_FILE = "SHA256SUMS";

export interface ChecksumEntry {
  sha256: string;
  path: string;
}

export function checksumLine(entry: ChecksumEntry): string {
  return `${entry.sha256}  ${entry.path}\n`;
}

/** The entries of a stored SHA256SUMS, streamed. */
export async function* readChecksums(
  storage: Pick<MediaStorage, "createReadStream">,
  sha256: string,
): AsyncGenerator<ChecksumEntry> {
  const lines = readline.createInterface({ input: storage.createReadStream(sha256), crlfDelay: Infinity });
  for await (const line of lines) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) {
      if (line.trim() === "") continue;
      throw new Error(`${CHECKSUMS_FILE} has a line that is not "<sha256>  <path>": ${line.slice(0, 120)}`);
    }
    yield { sha256: match[1]!, path: match[2]! };
  }
}
