/**
 * Computes one metric for a chunk's outputs. Each output gets a finite value or the reason it has
 * none (a video for an image metric, no reference image, an undecodable file, sizes that differ),
 * so one bad output never stops the others. FID and KID only make sure every output's Inception
 * features are cached; the summary computes them per model.
 */
import type { Db } from "@loupe/db";
import {
  backgroundConsistency,
  clipScore,
  cosine,
  decodeRgb,
  evaluatorModelSpec,
  loadEvaluatorModel,
  meanPairwiseCosine,
  METRICS,
  pairDistance,
  preprocessRgb,
  psnr,
  ssim,
  subjectConsistency,
  temporalFlickering,
  TextDetector,
  type LoadedEvaluatorModel,
} from "@loupe/evaluators";
import type { MediaStorage } from "@loupe/media";
import type { ResolvedMetric } from "./config";
import { assetFeatures, type AssetRef } from "./features";
import { scorePck } from "./score-pck";
import { readAssetBytes, readVideo, StorageReadError } from "./read-asset";

export interface ChunkOutput {
  id: string;
  promptId: string;
  asset: AssetRef & { kind: string };
  prompt: { text: string; references: { role: string; position: number; asset: AssetRef }[] };
}

export type Score = { value: number } | { error: string };

/** An output's reason; storage that may come back is not one, and fails the chunk to be retried. */
const errorOf = (err: unknown): Score => {
  if (err instanceof StorageReadError) throw err;
  return { error: err instanceof Error ? err.message : String(err) };
};

let textDetector: Promise<TextDetector> | undefined;

export async function loadModelByName(db: Db, name: string): Promise<LoadedEvaluatorModel> {
  const row = await db.evaluatorModel.findUnique({ where: { name } });
  if (!row) throw new Error(`the evaluator model "${name}" is no longer registered`);
  return loadEvaluatorModel(row.name, evaluatorModelSpec.parse(row.spec));
}

export async function scoreOutputs(
  db: Db,
  storage: MediaStorage,
  metric: ResolvedMetric,
  outputs: readonly ChunkOutput[],
): Promise<Map<string, Score>> {
  const scores = new Map<string, Score>();
  const definition = METRICS[metric.metric];
  const images = outputs.filter((o) => {
    if (o.asset.kind === definition.media) return true;
    scores.set(o.id, { error: `a ${o.asset.kind} output; ${definition.label} scores ${definition.media}s` });
    return false;
  });
  if (images.length === 0) return scores;
  const role = metric.referenceRole ?? definition.referenceRole;
  const referencesOf = (o: ChunkOutput) =>
    o.prompt.references.filter((r) => r.role === role).sort((a, b) => a.position - b.position);

  switch (metric.metric) {
    case "text-area": {
      let detector: TextDetector;
      try {
        textDetector ??= TextDetector.load();
        detector = await textDetector;
      } catch (err) {
        textDetector = undefined; // a later chunk tries again
        for (const o of images) scores.set(o.id, errorOf(err));
        return scores;
      }
      for (const o of images) {
        try {
          const bytes = await readAssetBytes(storage, o.asset.sha256);
          scores.set(o.id, { value: (await detector.textArea(bytes)).fraction });
        } catch (err) {
          scores.set(o.id, errorOf(err));
        }
      }
      return scores;
    }
    case "psnr":
    case "ssim": {
      for (const o of images) {
        const reference = referencesOf(o)[0];
        if (!reference) {
          scores.set(o.id, { error: `the prompt has no reference image with role "${role}"` });
          continue;
        }
        try {
          const [a, b] = await Promise.all(
            [o.asset, reference.asset].map(async (asset) => {
              const rgb = await decodeRgb(await readAssetBytes(storage, asset.sha256));
              return { width: rgb.width, height: rgb.height, channels: 3 as const, data: rgb.data };
            }),
          );
          const mode = metric.colorMode ?? "rgb";
          const value = metric.metric === "psnr" ? psnr(a!, b!, { mode }) : ssim(a!, b!, { mode });
          scores.set(
            o.id,
            Number.isFinite(value) ? { value } : { error: "identical images: PSNR is infinite" },
          );
        } catch (err) {
          scores.set(o.id, errorOf(err));
        }
      }
      return scores;
    }
    case "pck":
      for (const [id, score] of await scorePck(db, metric, images)) scores.set(id, score);
      return scores;
    case "flicker": {
      for (const o of images) {
        try {
          const { frames } = await readVideo(storage, o.asset.sha256);
          scores.set(o.id, { value: temporalFlickering(frames) });
        } catch (err) {
          scores.set(o.id, errorOf(err));
        }
      }
      return scores;
    }
    default:
      break;
  }

  let model: LoadedEvaluatorModel;
  try {
    model = await loadModelByName(db, metric.model!);
  } catch (err) {
    // A missing or changed model file: every output says so (and the run still finishes).
    for (const o of images) scores.set(o.id, errorOf(err));
    return scores;
  }
  if (metric.metric === "subject-consistency" || metric.metric === "background-consistency") {
    const consistency = metric.metric === "subject-consistency" ? subjectConsistency : backgroundConsistency;
    for (const o of images) {
      try {
        const video = await readVideo(storage, o.asset.sha256);
        const prepared = video.frames.map((data) =>
          preprocessRgb({ width: video.width, height: video.height, data }, model.preprocessing),
        );
        scores.set(o.id, { value: consistency(await model.image.encodePrepared(prepared)) });
      } catch (err) {
        scores.set(o.id, errorOf(err));
      }
    }
    return scores;
  }

  if (metric.metric === "lpips") {
    for (const o of images) {
      const reference = referencesOf(o)[0];
      if (!reference) {
        scores.set(o.id, { error: `the prompt has no reference image with role "${role}"` });
        continue;
      }
      try {
        const [a, b] = await Promise.all(
          [o.asset, reference.asset].map(async (asset) =>
            decodeRgb(await readAssetBytes(storage, asset.sha256)),
          ),
        );
        scores.set(o.id, { value: await pairDistance(model.session, a!, b!) });
      } catch (err) {
        scores.set(o.id, errorOf(err));
      }
    }
    return scores;
  }

  const references =
    metric.metric === "clip-i" || metric.metric === "dino" || metric.metric === "identity"
      ? images.flatMap((o) => referencesOf(o).map((r) => r.asset))
      : [];
  const features = await assetFeatures(db, storage, model, [...images.map((o) => o.asset), ...references]);
  const featureOf = (asset: AssetRef) => features.get(asset.id) ?? new Error("not encoded");

  if (metric.metric === "fid" || metric.metric === "kid") {
    // Only the cache matters here; an output that cannot be encoded is recorded now.
    for (const o of images) {
      const f = featureOf(o.asset);
      if (f instanceof Error) scores.set(o.id, errorOf(f));
    }
    return scores;
  }

  if (metric.metric === "aesthetic") {
    for (const o of images) {
      const f = featureOf(o.asset);
      scores.set(o.id, f instanceof Error ? errorOf(f) : { value: f[0]! });
    }
    return scores;
  }

  if (metric.metric === "clip-i" || metric.metric === "dino" || metric.metric === "identity") {
    for (const o of images) {
      const f = featureOf(o.asset);
      const refs = referencesOf(o).map((r) => featureOf(r.asset));
      if (f instanceof Error) scores.set(o.id, errorOf(f));
      else if (refs.length === 0)
        scores.set(o.id, { error: `the prompt has no reference image with role "${role}"` });
      else {
        const broken = refs.find((r): r is Error => r instanceof Error);
        try {
          scores.set(
            o.id,
            broken ? errorOf(broken) : { value: meanPairwiseCosine([f], refs as Float32Array[]) },
          );
        } catch (err) {
          scores.set(o.id, errorOf(err));
        }
      }
    }
    return scores;
  }

  // clip-score and reward: image against prompt text.
  const texts = [...new Set(images.map((o) => o.prompt.text))];
  let textOf: Map<string, Float32Array>;
  try {
    if (!model.text || model.spec.kind !== "clip") throw new Error(`"${model.name}" has no text encoder`);
    const embedded = await model.text.encode(texts);
    textOf = new Map(texts.map((t, i) => [t, embedded[i]!]));
  } catch (err) {
    // The text encoder failing is every output's reason; the run still finishes.
    for (const o of images) scores.set(o.id, errorOf(err));
    return scores;
  }
  const scale = model.spec.kind === "clip" ? model.spec.logitScale : 100;
  for (const o of images) {
    const f = featureOf(o.asset);
    if (f instanceof Error) {
      scores.set(o.id, errorOf(f));
      continue;
    }
    try {
      const text = textOf.get(o.prompt.text)!;
      scores.set(o.id, {
        value: metric.metric === "clip-score" ? clipScore(f, text) : scale * cosine(f, text),
      });
    } catch (err) {
      scores.set(o.id, errorOf(err));
    }
  }
  return scores;
}
