/**
 * VBench's two feature-consistency dimensions (Huang et al. 2024, "VBench: Comprehensive Benchmark
 * Suite for Video Generative Models"), which share one formula and differ only in the encoder:
 *
 *   "subject_consistency"     DINO ViT-B/16 features (torch.hub facebookresearch/dino `dino_vitb16`:
 *                             the CLS token) — vbench/subject_consistency.py `subject_consistency`
 *   "background_consistency"  CLIP ViT-B/32 image features (`encode_image`) —
 *                             vbench/background_consistency.py `background_consistency`
 *
 * Both L2-normalise each frame's feature f_i (F.normalize) and, for every frame i ≥ 1, take
 *
 *   sim_pre = max(0, cos(f_{i−1}, f_i)),  sim_fir = max(0, cos(f_0, f_i)),  (sim_pre + sim_fir) / 2
 *
 * and the video's score (`video_results`) is the sum over i = 1 … n − 1 divided by n − 1. Negative
 * cosines count as 0. Every frame of the video is used (vbench/utils.py `load_video` reads all of
 * them). The benchmark-level number VBench prints (`sim_per_frame`) pools all pairs of all videos
 * (Σ sums / Σ pairs), which weights longer videos more than a mean of per-video scores does.
 *
 * The encoders are not here: these functions take one embedding per frame (normalised or not;
 * the cosine does not depend on the length).
 *
 * Preprocessing is the encoder's part; VBench resizes frames for DINO with `dino_transform(224)`
 * (short side to 224, no crop) and for CLIP with `clip_transform(224)` (bicubic resize, centre
 * crop), both in vbench/utils.py.
 *
 * One frame: VBench's copies disagree (vbench/subject_consistency.py divides by zero and raises;
 * vbench/core/subject_consistency.py returns 0.0; one version of vbench/background_consistency.py
 * returns 1.0), so here it is a `VideoMetricError` rather than a made-up value.
 */
import { cosine, EmbeddingError } from "../metrics/embedding-scores";
import { VideoMetricError } from "./errors";

/**
 * The mean over frames i ≥ 1 of (max(0, cos(f_i, f_{i−1})) + max(0, cos(f_i, f_0))) / 2, in
 * [0, 1]: how much each frame's embedding still matches the one before it and the first one.
 * Throws `VideoMetricError` for fewer than 2 frames and `EmbeddingError` for embeddings of
 * different sizes, an all-zero embedding, or a value that is not a finite number.
 */
export function meanCosineToPreviousAndFirstFrame(embeddings: readonly ArrayLike<number>[]): number {
  if (embeddings.length < 2)
    throw new VideoMetricError(
      `consistency needs at least 2 frames (got ${embeddings.length}): it compares each frame with earlier ones`,
    );
  embeddings.forEach((e, i) => {
    for (let k = 0; k < e.length; k++)
      if (!Number.isFinite(e[k]!))
        throw new EmbeddingError(`frame ${i}'s embedding has a value that is not finite`);
  });
  const first = embeddings[0]!;
  let total = 0;
  for (let i = 1; i < embeddings.length; i++) {
    const current = embeddings[i]!;
    const toPrevious = Math.max(0, cosine(embeddings[i - 1]!, current));
    const toFirst = Math.max(0, cosine(first, current));
    total += (toPrevious + toFirst) / 2;
  }
  return total / (embeddings.length - 1);
}

/** VBench "subject_consistency" of one video, from its frames' DINO ViT-B/16 CLS embeddings. */
export function subjectConsistency(dinoEmbeddings: readonly ArrayLike<number>[]): number {
  return meanCosineToPreviousAndFirstFrame(dinoEmbeddings);
}

/** VBench "background_consistency" of one video, from its frames' CLIP (ViT-B/32) image embeddings. */
export function backgroundConsistency(clipEmbeddings: readonly ArrayLike<number>[]): number {
  return meanCosineToPreviousAndFirstFrame(clipEmbeddings);
}
