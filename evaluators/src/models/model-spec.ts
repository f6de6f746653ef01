/**
 * What a registered evaluator model is: its kind, its files (each with the sha256 taken when it was
 * registered), how images are prepared for it, and the few settings its kind needs. Stored as the
 * `spec` of an EvaluatorModel row and validated with this schema on the way in and out.
 *
 * The ONNX contracts, one per kind (docs/models.md has the export recipe for each):
 *   clip       image: float32 [N, 3, S, S] → [N, D]; text: int64 ids [N, L] (and an optional
 *              attention mask) → [N, D]; a tokenizer.json beside it. PickScore and HPSv2 are CLIP
 *              models too, with their own logit scale.
 *   dino       image [N, 3, 224, 224] → CLS embedding [N, D]
 *   inception  image [N, 3, 299, 299] in 0..1 → pool3 features [N, 2048]
 *   aesthetic  image [N, 3, S, S] (CLIP preprocessing) → score [N] or [N, 1]
 *   face       face crop [N, 3, 112, 112] in −1…1 (ArcFace's (x − 127.5)/127.5) → [N, D]
 *   lpips      two images [1, 3, H, W] in −1…1, the same size → distance (one number)
 *   classifier image [N, 3, S, S] → one logit (or probability) per label [N, C]: an NSFW
 *              detector, a watermark detector; its labels are registered with it
 */
import { z } from "zod";
import { clipSpec, parseSpec, type PreprocessSpec } from "../preprocess/spec";

export const EVALUATOR_MODEL_KINDS = [
  "clip",
  "dino",
  "inception",
  "aesthetic",
  "face",
  "lpips",
  "classifier",
] as const;
export type EvaluatorModelKind = (typeof EVALUATOR_MODEL_KINDS)[number];

export const PREPROCESS_PRESETS = ["clip", "dino", "inception-pytorch-fid", "inception-clean-fid"] as const;
export type PreprocessPreset = (typeof PREPROCESS_PRESETS)[number];

export const modelFile = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "a sha256 is 64 lowercase hex digits"),
  bytes: z.number().int().nonnegative(),
});
export type ModelFile = z.infer<typeof modelFile>;

const common = {
  /** Images per ONNX call (1 for encoders exported with a fixed batch). */
  batchSize: z.number().int().min(1).max(256).default(16),
  executionProvider: z.enum(["auto", "cpu", "cuda"]).default("auto"),
  /** Input size for the CLIP-style presets (224; 336 for ViT-L/14@336). */
  imageSize: z.number().int().min(16).max(1024).default(224),
};

export const evaluatorModelSpec = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("clip"),
    image: modelFile,
    text: modelFile,
    /** The folder with tokenizer.json; its sha256 is that file's. */
    tokenizer: modelFile,
    contextLength: z.number().int().min(1).max(1024).default(77),
    padId: z.number().int().min(0).default(0),
    /** exp(logit_scale) of the checkpoint: 100 for OpenAI CLIP and PickScore, 1 for HPSv2's score. */
    logitScale: z.number().positive().default(100),
    ...common,
  }),
  z.object({ kind: z.literal("dino"), image: modelFile, ...common }),
  z.object({
    kind: z.literal("inception"),
    image: modelFile,
    /** How images reach 299×299: pytorch-fid's bilinear or clean-fid's antialiased bicubic. */
    mode: z.enum(["pytorch-fid", "clean-fid"]).default("pytorch-fid"),
    ...common,
  }),
  z.object({ kind: z.literal("aesthetic"), image: modelFile, ...common }),
  z.object({ kind: z.literal("face"), image: modelFile, ...common }),
  z.object({ kind: z.literal("lpips"), image: modelFile, ...common }),
  z.object({
    kind: z.literal("classifier"),
    image: modelFile,
    /** The classes, in the order of the model's outputs. */
    labels: z
      .array(z.string().trim().min(1).max(64))
      .min(1)
      .max(1000)
      .refine((l) => new Set(l).size === l.length, "labels must differ"),
    /**
     * What turns the outputs into probabilities: softmax over the classes (one class per image),
     * sigmoid per class (several may hold), or none (the model outputs probabilities already).
     */
    activation: z.enum(["softmax", "sigmoid", "none"]).default("softmax"),
    /**
     * How images are prepared: CLIP's transform, ImageNet's (resize 256, crop 224, ImageNet mean
     * and std, as torchvision and DINO), or ViT's "half" (resize to the input size, mean = std = 0.5,
     * as Hugging Face ViT image classifiers).
     */
    preprocess: z.enum(["clip", "imagenet", "half"]).default("clip"),
    ...common,
  }),
]);
export type EvaluatorModelSpec = z.infer<typeof evaluatorModelSpec>;
export type EvaluatorModelSpecInput = z.input<typeof evaluatorModelSpec>;

/**
 * ArcFace's input (insightface): a 112 × 112 face crop, RGB, (x − 127.5)/127.5. Loupe does not
 * align faces: references should be face crops, and generated images are resized and centre-cropped.
 */
const FACE_SPEC = parseSpec({
  size: 112,
  resizeShortest: true,
  crop: 112,
  mean: [0.5, 0.5, 0.5],
  std: [0.5, 0.5, 0.5],
  interpolation: "bilinear",
});

/**
 * The preprocessing a model's images get, and a short name for it (part of the feature cache's
 * key). LPIPS compares two images at their own size, scaled to −1…1, so it has none here.
 */
export function preprocessOf(spec: EvaluatorModelSpec): {
  name: string;
  spec: PreprocessSpec | PreprocessPreset;
} {
  switch (spec.kind) {
    case "clip":
    case "aesthetic":
      return {
        name: `clip-${spec.imageSize}`,
        spec: spec.imageSize === 224 ? "clip" : clipSpec(spec.imageSize),
      };
    case "dino":
      return { name: "dino", spec: "dino" };
    case "inception":
      return spec.mode === "clean-fid"
        ? { name: "inception-clean-fid", spec: "inception-clean-fid" }
        : { name: "inception-pytorch-fid", spec: "inception-pytorch-fid" };
    case "face":
      return { name: "arcface-112", spec: FACE_SPEC };
    case "lpips":
      return { name: "lpips", spec: FACE_SPEC }; // not used: LPIPS takes image pairs (lpips.ts)
    case "classifier":
      if (spec.preprocess === "imagenet") return { name: "dino", spec: "dino" };
      if (spec.preprocess === "half")
        return {
          name: `half-${spec.imageSize}`,
          spec: parseSpec({
            size: spec.imageSize,
            resizeShortest: false,
            crop: spec.imageSize,
            mean: [0.5, 0.5, 0.5],
            std: [0.5, 0.5, 0.5],
            interpolation: "bilinear",
          }),
        };
      return {
        name: `clip-${spec.imageSize}`,
        spec: spec.imageSize === 224 ? "clip" : clipSpec(spec.imageSize),
      };
  }
}

/** Every file of a model, named by its role. */
export function filesOf(spec: EvaluatorModelSpec): Record<string, ModelFile> {
  return spec.kind === "clip"
    ? { image: spec.image, text: spec.text, tokenizer: spec.tokenizer }
    : { image: spec.image };
}
