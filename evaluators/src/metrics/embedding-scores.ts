/**
 * Scores over embeddings that the ONNX encoders produce (the encoders come with the model
 * registry; these are the formulas, on plain vectors).
 */

export class EmbeddingError extends Error {
  override name = "EmbeddingError";
}

/** cos(a, b) = a·b / (‖a‖‖b‖); an all-zero vector has no direction and is an error. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new EmbeddingError(`embeddings differ in size: ${a.length} and ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  if (na === 0 || nb === 0) throw new EmbeddingError("an embedding is all zeros");
  return dot / Math.sqrt(na * nb);
}

/**
 * CLIP score (Hessel et al. 2021, "CLIPScore"; torchmetrics' `clip_score`): 100 · max(cos(image,
 * text), 0) for one image and its prompt. Also "CLIP-T" in personalization papers.
 */
export function clipScore(image: ArrayLike<number>, text: ArrayLike<number>): number {
  return 100 * Math.max(cosine(image, text), 0);
}

/**
 * Image–image similarity of two embeddings: "CLIP-I" with CLIP image embeddings, the "DINO score"
 * with DINO's CLS-token embeddings (DreamBooth, Ruiz et al. 2023): their cosine, averaged over the
 * generated × reference pairs of one subject.
 */
export function meanPairwiseCosine(
  generated: readonly ArrayLike<number>[],
  references: readonly ArrayLike<number>[],
): number {
  if (generated.length === 0 || references.length === 0) throw new EmbeddingError("no embeddings to compare");
  let total = 0;
  for (const g of generated) for (const r of references) total += cosine(g, r);
  return total / (generated.length * references.length);
}
