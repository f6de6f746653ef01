/**
 * Every automatic metric Loupe computes, with what it needs and how to read it. The run engine
 * (packages/api/src/evaluations) uses this to check a request before any work starts — a metric
 * whose model is not registered is skipped with a message saying how to register one, and the
 * others still run — and the leaderboard uses it to label columns and orient comparisons.
 */
import type { EvaluatorModelKind } from "../models/model-spec";

export type MetricId =
  | "clip-score"
  | "reward"
  | "clip-i"
  | "dino"
  | "aesthetic"
  | "psnr"
  | "ssim"
  | "text-area"
  | "pck"
  | "lpips"
  | "identity"
  | "flicker"
  | "subject-consistency"
  | "background-consistency"
  | "fid"
  | "kid";

export interface MetricDefinition {
  id: MetricId;
  label: string;
  /** What outputs it scores. */
  media: "image" | "video";
  /** "output": one value per output, averaged per model; "set": one value per model's set. */
  granularity: "output" | "set";
  higherIsBetter: boolean;
  /** The kind of registered model it needs (none for pixel metrics and the built-in OCR). */
  modelKind?: EvaluatorModelKind;
  /** It compares each output with its prompt's reference images of this role by default. */
  referenceRole?: string;
  /** It reads the prompt text. */
  usesPrompt?: boolean;
  /** It reads the pair's annotated keypoints and the output's predicted ones (imported). */
  usesKeypoints?: boolean;
  definition: string;
  source: string;
}

export const METRICS: Record<MetricId, MetricDefinition> = {
  "clip-score": {
    id: "clip-score",
    media: "image",
    label: "CLIP score",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "clip",
    usesPrompt: true,
    definition: "100 · max(cos(image embedding, prompt embedding), 0); CLIP-T in personalization papers",
    source: "Hessel et al. 2021, CLIPScore; torchmetrics clip_score",
  },
  reward: {
    id: "reward",
    media: "image",
    label: "Reward",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "clip",
    usesPrompt: true,
    definition:
      "logit scale · cos(image, prompt) with a reward model's own encoders (PickScore: its logit scale ≈ 100; HPSv2: 1)",
    source: "Kirstain et al. 2023, Pick-a-Pic; Wu et al. 2023, HPSv2",
  },
  "clip-i": {
    id: "clip-i",
    media: "image",
    label: "CLIP-I",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "clip",
    referenceRole: "subject",
    definition: "mean cosine between the output's and the reference images' CLIP image embeddings",
    source: "Gal et al. 2022 (Textual Inversion); Ruiz et al. 2023 (DreamBooth)",
  },
  dino: {
    id: "dino",
    media: "image",
    label: "DINO",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "dino",
    referenceRole: "subject",
    definition: "mean cosine between the output's and the reference images' DINO ViT-S/16 CLS embeddings",
    source: "Ruiz et al. 2023, DreamBooth",
  },
  aesthetic: {
    id: "aesthetic",
    media: "image",
    label: "Aesthetic",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "aesthetic",
    definition:
      "the LAION aesthetic predictor: a linear head on normalised CLIP ViT-L/14 image embeddings (1–10)",
    source: "Schuhmann et al., LAION-Aesthetics predictor v2",
  },
  psnr: {
    id: "psnr",
    media: "image",
    label: "PSNR",
    granularity: "output",
    higherIsBetter: true,
    referenceRole: "target",
    definition: "10·log10(255² / MSE) against the reference image (dB)",
    source: "skimage.metrics.peak_signal_noise_ratio",
  },
  ssim: {
    id: "ssim",
    media: "image",
    label: "SSIM",
    granularity: "output",
    higherIsBetter: true,
    referenceRole: "target",
    definition: "structural similarity, Gaussian window 11 (σ 1.5), K1 0.01, K2 0.03, 5-pixel border cropped",
    source: "Wang et al. 2004; skimage.metrics.structural_similarity",
  },
  "text-area": {
    id: "text-area",
    media: "image",
    label: "Text area",
    granularity: "output",
    higherIsBetter: false,
    definition: "fraction of the image covered by text regions found by the PP-OCRv4 detector",
    source: "Movie Gen (Polyak et al. 2024) OCR filter; PaddleOCR DB detector",
  },
  pck: {
    id: "pck",
    media: "image",
    label: "PCK@α",
    granularity: "output",
    higherIsBetter: true,
    usesKeypoints: true,
    definition:
      "per pair, the fraction of visible keypoints predicted within α · max(h, w) of the truth, (h, w) the target object's box (or the image); averaged over pairs",
    source: "Min et al. 2019, SPair-71k; used by 3D Congealing (Zhang et al. 2024)",
  },
  lpips: {
    id: "lpips",
    media: "image",
    label: "LPIPS",
    granularity: "output",
    higherIsBetter: false,
    modelKind: "lpips",
    referenceRole: "target",
    definition:
      "learned perceptual distance to the reference image (same size), from a registered LPIPS export",
    source: "Zhang et al. 2018, LPIPS",
  },
  identity: {
    id: "identity",
    media: "image",
    label: "Identity",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "face",
    referenceRole: "subject",
    definition:
      "mean cosine between the face embeddings of the output and the reference images (ArcFace-style)",
    source: "Deng et al. 2019, ArcFace; identity similarity as in face-restoration papers",
  },
  flicker: {
    id: "flicker",
    media: "video",
    label: "Temporal flickering",
    granularity: "output",
    higherIsBetter: true,
    definition: "(255 − mean absolute difference of consecutive frames) / 255, every frame",
    source: "Huang et al. 2024, VBench temporal_flickering",
  },
  "subject-consistency": {
    id: "subject-consistency",
    media: "video",
    label: "Subject consistency",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "dino",
    definition:
      "mean over frames of (max(0, cos to the previous frame) + max(0, cos to the first frame)) / 2, DINO CLS embeddings",
    source: "Huang et al. 2024, VBench subject_consistency",
  },
  "background-consistency": {
    id: "background-consistency",
    media: "video",
    label: "Background consistency",
    granularity: "output",
    higherIsBetter: true,
    modelKind: "clip",
    definition: "subject consistency's formula on CLIP image embeddings of the frames",
    source: "Huang et al. 2024, VBench background_consistency",
  },
  fid: {
    id: "fid",
    media: "image",
    label: "FID",
    granularity: "set",
    higherIsBetter: false,
    modelKind: "inception",
    definition:
      "Fréchet distance between Gaussians fitted to Inception pool3 features of the outputs and a reference set",
    source: "Heusel et al. 2017; pytorch-fid, clean-fid",
  },
  kid: {
    id: "kid",
    media: "image",
    label: "KID",
    granularity: "set",
    higherIsBetter: false,
    modelKind: "inception",
    definition: "unbiased MMD² with kernel (x·y/d + 1)³ over 100 subsets of up to 1,000",
    source: "Bińkowski et al. 2018; clean-fid kernel_distance",
  },
};

export const METRIC_IDS = Object.keys(METRICS) as MetricId[];
