/**
 * `import`: outputs that already exist as files — a folder per model, one file per prompt and
 * seed — taken in through the same job machinery, so an imported model gets the same progress,
 * failure list and idempotency as a generated one.
 */
import fsp from "node:fs/promises";
import path from "node:path";
import {
  GenerationError,
  type GeneratedMedia,
  type GenerationAdapter,
  type GenerationRequest,
} from "../adapter";
import type { ImportAdapterConfig } from "../config";

const MEDIA_EXTENSIONS = [
  "png",
  "jpg",
  "jpeg",
  "webp",
  "gif",
  "avif",
  "tif",
  "tiff",
  "mp4",
  "webm",
  "mov",
  "mkv",
  "wav",
  "mp3",
  "flac",
  "ogg",
  "m4a",
];

export class ImportAdapter implements GenerationAdapter {
  readonly kind = "import";
  readonly usesGpu = false;
  private listing: Promise<Map<string, string>> | undefined;

  constructor(private readonly config: ImportAdapterConfig) {}

  async generate(request: GenerationRequest): Promise<GeneratedMedia> {
    const files = await (this.listing ??= this.list());
    const wanted = [this.config.pattern];
    // The folder layout `<prompt_id>[_<seed>].<ext>`: seed 0 may have no suffix.
    if (request.seed === 0n && this.config.pattern === "{prompt_id}_{seed}.{ext}")
      wanted.push("{prompt_id}.{ext}");
    for (const pattern of wanted) {
      const stem = pattern
        .replaceAll("{prompt_id}", () => request.promptId)
        .replaceAll("{seed}", () => request.seed.toString());
      for (const ext of stem.includes("{ext}") ? MEDIA_EXTENSIONS : [""]) {
        const name = stem.replaceAll("{ext}", () => ext);
        const found = files.get(name.toLowerCase());
        if (found) return { media: { path: path.join(this.config.directory, found) } };
      }
    }
    throw new GenerationError(
      `no file for prompt ${request.promptId}, seed ${request.seed} in ${this.config.directory} (pattern ${this.config.pattern})`,
      false,
    );
  }

  /** The folder's files by lower-cased name, read once per chunk. */
  private async list(): Promise<Map<string, string>> {
    try {
      const entries = await fsp.readdir(this.config.directory, { withFileTypes: true });
      return new Map(entries.filter((e) => e.isFile()).map((e) => [e.name.toLowerCase(), e.name]));
    } catch (err) {
      throw new GenerationError(`cannot read ${this.config.directory}: ${(err as Error).message}`, false);
    }
  }
}
