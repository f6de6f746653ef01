/**
 * Importing keypoint-correspondence pairs (SPair-71k style) into a prompt set: each pair becomes a
 * prompt (id: the pair's annotation name, text: "category: source → target", tag: the category)
 * with its two images as "source" and "target" references and its annotated keypoints as a
 * KeypointPair. The set is created when missing, and a pair already in it is reported as a
 * duplicate, so an interrupted import of 12,000 pairs is simply run again. Each image is stored
 * once however many pairs share it.
 */
import { TRPCError } from "@trpc/server";
import { isUniqueViolation, type Prisma } from "@loupe/db";
import { ingestMedia, MediaRejectedError, type MediaInput } from "@loupe/media";
import { importTotals } from "../import-totals";
import type { Runtime } from "../runtime";
import { annotationProblem, checkPairAnnotation, spairPairAnnotation } from "./spair-annotation";

export type KeypointPairInput = {
  /** The annotation's name: its file name without ".json". */
  name: string;
  /** The parsed JSON of the annotation file, checked here. */
  annotation: unknown;
  /** Why the file could not be read or parsed, when it could not. */
  problem?: string;
};

export type KeypointPairImportRow = {
  pair: string;
  status: "imported" | "duplicate" | "error";
  reason?: string;
};

export type KeypointPairImportReport = {
  promptSet: { id: string; name: string; created: boolean };
  rows: KeypointPairImportRow[];
  totals: { rows: number; imported: number; duplicate: number; error: number };
};

type StoredImage = { assetId: string; width: number; height: number };

export async function importKeypointPairs(
  runtime: Pick<Runtime, "db" | "storage">,
  projectId: string,
  opts: {
    promptSet: string;
    pairs: KeypointPairInput[];
    /** The image file of an annotation's image name in its category, or null when there is none. */
    readImage: (category: string, imageName: string) => Promise<MediaInput | null>;
    onProgress?: (done: number) => void;
  },
): Promise<KeypointPairImportReport> {
  const { db, storage } = runtime;
  if (opts.pairs.length === 0)
    throw new TRPCError({ code: "BAD_REQUEST", message: "There are no pair annotations to import." });
  let set = await db.promptSet.findUnique({
    where: { projectId_name: { projectId, name: opts.promptSet } },
  });
  const created = !set;
  set ??= await db.promptSet.create({
    data: {
      projectId,
      name: opts.promptSet,
      description: "Keypoint-correspondence pairs (SPair-71k style) for PCK",
    },
  });
  const existing = new Set(
    (await db.prompt.findMany({ where: { promptSetId: set.id }, select: { externalId: true } })).map(
      (p) => p.externalId,
    ),
  );
  let position =
    ((await db.prompt.aggregate({ where: { promptSetId: set.id }, _max: { position: true } }))._max
      .position ?? -1) + 1;

  // Images by category/name: stored once, then reused by every pair that names them.
  const images = new Map<string, Promise<StoredImage | { error: string }>>();
  const storeImage = (category: string, name: string) => {
    const key = `${category}/${name}`;
    let stored = images.get(key);
    if (!stored) {
      stored = (async () => {
        const input = await opts.readImage(category, name);
        if (!input) return { error: `no image ${key}` };
        try {
          const media = await ingestMedia(storage, input);
          if (media.kind !== "image" || !media.width || !media.height)
            return { error: `${key} is a ${media.kind} file, not an image` };
          const asset = await db.asset.upsert({
            where: { sha256: media.sha256 },
            update: {},
            create: { ...media, bytes: BigInt(media.bytes) },
          });
          return { assetId: asset.id, width: media.width, height: media.height };
        } catch (err) {
          if (err instanceof MediaRejectedError) return { error: `${key}: ${err.message}` };
          throw err;
        }
      })();
      images.set(key, stored);
    }
    return stored;
  };

  const rows: KeypointPairImportRow[] = [];
  for (const [i, pair] of opts.pairs.entries()) {
    opts.onProgress?.(i);
    const row = (status: KeypointPairImportRow["status"], reason?: string) =>
      rows.push({ pair: pair.name, status, ...(reason ? { reason } : {}) });
    if (existing.has(pair.name)) {
      row("duplicate", `the prompt set already has pair "${pair.name}"`);
      continue;
    }
    if (pair.name.length > 200) {
      row("error", "the pair's name is longer than 200 characters");
      continue;
    }
    if (pair.problem) {
      row("error", pair.problem);
      continue;
    }
    const parsed = spairPairAnnotation.safeParse(pair.annotation);
    if (!parsed.success) {
      row("error", annotationProblem(parsed.error));
      continue;
    }
    const a = parsed.data;
    const [source, target] = await Promise.all([
      storeImage(a.category, a.src_imname),
      storeImage(a.category, a.trg_imname),
    ]);
    if ("error" in source || "error" in target) {
      row("error", "error" in source ? source.error : (target as { error: string }).error);
      continue;
    }
    const checked = checkPairAnnotation(a, { source, target });
    if ("error" in checked) {
      row("error", checked.error);
      continue;
    }
    const record = checked.ok;
    try {
      await db.$transaction(async (tx) => {
        const prompt = await tx.prompt.create({
          data: {
            promptSetId: set.id,
            externalId: pair.name,
            position: position++,
            text: `${a.category}: ${a.src_imname} → ${a.trg_imname}`,
            tags: [a.category],
          },
        });
        await tx.promptReference.createMany({
          data: [
            { promptId: prompt.id, role: "source", position: 0, assetId: source.assetId },
            { promptId: prompt.id, role: "target", position: 0, assetId: target.assetId },
          ],
        });
        await tx.keypointPair.create({
          data: {
            promptId: prompt.id,
            category: record.category,
            keypointIds: record.keypointIds,
            sourceKeypoints: record.sourceKeypoints as Prisma.InputJsonValue,
            targetKeypoints: record.targetKeypoints as Prisma.InputJsonValue,
            targetBox: (record.targetBox ?? undefined) as Prisma.InputJsonValue | undefined,
            targetWidth: record.targetWidth,
            targetHeight: record.targetHeight,
          },
        });
      });
      existing.add(pair.name);
      row("imported");
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      row("duplicate", "imported by another request at the same moment");
    }
  }
  opts.onProgress?.(opts.pairs.length);
  return {
    promptSet: { id: set.id, name: set.name, created },
    rows,
    totals: importTotals(rows),
  };
}
