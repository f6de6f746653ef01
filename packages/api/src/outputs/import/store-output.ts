/**
 * Writing one output: the media file is validated and stored first (content-addressed), then the
 * Asset row and the Output row are written in one transaction. A file that fails validation
 * leaves nothing behind; an Output row never exists without its stored file.
 */
import { ingestMedia, sha256OfInput, type MediaInput, type MediaLimits } from "@loupe/media";
import { isUniqueViolation, type Db, type Prisma } from "@loupe/db";
import type { Runtime } from "../../runtime";

export type OutputKey = { modelId: string; promptId: string; seed: bigint; paramsHash: string };

export type OutputFields = {
  params: Record<string, unknown>;
  latencyMs?: number;
  steps?: number;
  /** How a generation job made it (absent for imported files). */
  generation?: { jobId: string; adapter: string; executionProvider?: string; workerHost: string };
};

export type StoredOutput =
  | { status: "imported"; outputId: string; kind: "image" | "video" | "audio" }
  | { status: "duplicate"; outputId: string; sameFile: boolean | null };

export async function findOutput(db: Db, key: OutputKey) {
  return db.output.findUnique({
    where: { modelId_promptId_seed_paramsHash: key },
    include: { asset: { select: { sha256: true } } },
  });
}

/** Whether `input` holds the same bytes as the existing output's file (null when unreadable). */
export async function sameFileAs(existing: { asset: { sha256: string } }, input: MediaInput | null) {
  if (!input) return null;
  try {
    return (await sha256OfInput(input)) === existing.asset.sha256;
  } catch {
    return null;
  }
}

/**
 * Validates, stores and records one output. Throws `MediaRejectedError` for a bad file; reports a
 * concurrent insert of the same key as a duplicate rather than failing.
 */
export async function storeOutput(
  runtime: Pick<Runtime, "db" | "storage">,
  projectId: string,
  key: OutputKey,
  fields: OutputFields,
  input: MediaInput,
  limits: MediaLimits = {},
): Promise<StoredOutput> {
  const media = await ingestMedia(runtime.storage, input, limits);
  for (let attempt = 0; ; attempt++) {
    try {
      const output = await runtime.db.$transaction(async (tx) => {
        const asset = await tx.asset.upsert({
          where: { sha256: media.sha256 },
          update: {},
          create: { ...media, bytes: BigInt(media.bytes) },
        });
        return tx.output.create({
          data: {
            ...key,
            projectId,
            params: fields.params as Prisma.InputJsonObject,
            assetId: asset.id,
            latencyMs: fields.latencyMs,
            steps: fields.steps,
            generationJobId: fields.generation?.jobId,
            adapter: fields.generation?.adapter,
            executionProvider: fields.generation?.executionProvider,
            workerHost: fields.generation?.workerHost,
          },
        });
      });
      return { status: "imported", outputId: output.id, kind: media.kind };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const existing = await findOutput(runtime.db, key);
      if (existing)
        return {
          status: "duplicate",
          outputId: existing.id,
          sameFile: existing.asset.sha256 === media.sha256,
        };
      // The same file was uploaded for another output at the same moment and its Asset row won
      // the race: the upsert finds it on a second try.
      if (attempt >= 2) throw err;
    }
  }
}
