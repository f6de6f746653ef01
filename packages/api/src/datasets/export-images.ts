/**
 * The images an export lists: each stored file is checked once, when the first row showing it
 * streams past (a bounded number of checks in flight), and remembered with its type and size.
 * A file missing from storage is remembered too, with the outputs that show it, so the export can
 * list them, and skip their rows or fail.
 */
import type { MediaStorage } from "@loupe/media";
import { mapLimit } from "../map-limit";
import type { ExportImage } from "./preference-rows";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
  "video/mp4": "mp4",
  "video/webm": "webm",
};

/** Where an image sits inside an export: named by its sha256, so equal images are one file. */
export const imagePath = (sha256: string, mime: string) => `images/${sha256}.${EXTENSIONS[mime] ?? "bin"}`;

export class ExportImages {
  /**
   * sha256 → the stored file's type and size, and whether a written row shows it; null when
   * storage does not have it.
   */
  private readonly known = new Map<string, { mime: string; bytes: number; used: boolean } | null>();
  private readonly outputsMissing = new Set<string>();

  constructor(
    private readonly storage: Pick<MediaStorage, "stat">,
    private readonly concurrency = 16,
  ) {}

  /** Checks the images not seen before. */
  async check(images: readonly ExportImage[]): Promise<void> {
    const fresh = new Map<string, string>();
    for (const image of images)
      if (!this.known.has(image.sha256) && !fresh.has(image.sha256)) fresh.set(image.sha256, image.mime);
    const stats = await mapLimit([...fresh.keys()], this.concurrency, (sha) => this.storage.stat(sha));
    [...fresh].forEach(([sha256, mime], i) => {
      const stat = stats[i];
      this.known.set(sha256, stat ? { mime, bytes: stat.bytes, used: false } : null);
    });
    for (const image of images) if (this.isMissing(image)) this.outputsMissing.add(image.outputId);
  }

  isMissing(image: ExportImage): boolean {
    return this.known.get(image.sha256) === null;
  }

  /** Marks images as shown by a written row (checked before). */
  use(images: readonly ExportImage[]): void {
    for (const image of images) {
      const file = this.known.get(image.sha256);
      if (file) file.used = true;
    }
  }

  /** Outputs whose files are not in storage, sorted. */
  missingOutputs(): string[] {
    return [...this.outputsMissing].sort();
  }

  get anyMissing(): boolean {
    return this.outputsMissing.size > 0;
  }

  /** The images the written rows show, in sha256 order, with their paths in the export. */
  *present(): Generator<{ sha256: string; path: string; bytes: number }> {
    const shown: string[] = [];
    for (const [sha256, file] of this.known) if (file?.used) shown.push(sha256);
    shown.sort();
    for (const sha256 of shown) {
      const file = this.known.get(sha256)!;
      yield { sha256, path: imagePath(sha256, file.mime), bytes: file.bytes };
    }
  }
}
