/**
 * What a registered encoder expects of its input, as data: the torchvision-style recipe
 * Resize → CenterCrop → ToTensor → Normalize, so that a model can override the defaults (a 336 px
 * CLIP, an aesthetic head that reuses CLIP's transform, an Inception fed the clean-fid way) without
 * code. The named presets are the references the metrics use.
 */
import { z } from "zod";
import { PreprocessError } from "./errors";

/**
 * How the resize samples:
 * - "bicubic" / "bilinear": Pillow's 8-bit filters on the RGB image — torchvision's `Resize` on a
 *   PIL image (CLIP, DINO);
 * - "bicubic-float": Pillow's bicubic on each channel as a float "F" image in 0…255, clipped to
 *   0…255 after — clean-fid's "clean" resize;
 * - "torch-bilinear": `F.interpolate(mode="bilinear", align_corners=False)` on the float32 tensor
 *   already divided by 255 — pytorch-fid's in-network resize.
 */
export const INTERPOLATIONS = ["bicubic", "bilinear", "bicubic-float", "torch-bilinear"] as const;
export type Interpolation = (typeof INTERPOLATIONS)[number];

const rgb = (value: z.ZodNumber) => z.tuple([value, value, value]);

export const PreprocessSpecSchema = z
  .object({
    /** `Resize(size)`: the shorter side when `resizeShortest`, else both sides (size × size). */
    size: z.number().int().min(1).max(4096),
    /** torchvision's `Resize(int)` (keep the aspect ratio) rather than `Resize((size, size))`. */
    resizeShortest: z.boolean(),
    /** `CenterCrop(crop)` after the resize, zero-padding a side that is too short; null: none. */
    crop: z.number().int().min(1).max(4096).nullable(),
    /** `Normalize(mean, std)` after `ToTensor` (values in 0…1); 0 and 1 leave them as they are. */
    mean: rgb(z.number().min(-1000).max(1000)),
    std: rgb(z.number().positive().max(1000)),
    interpolation: z.enum(INTERPOLATIONS),
  })
  .refine((spec) => !(spec.resizeShortest && spec.crop === null), {
    message:
      "a shortest-side resize keeps the aspect ratio, so it needs a crop to give every image the same size",
    path: ["crop"],
  });

export type PreprocessSpec = z.infer<typeof PreprocessSpecSchema>;

/** OpenAI CLIP's normalisation (clip/clip.py `_transform`; open_clip's OPENAI_DATASET_MEAN/STD). */
export const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073] as const;
export const CLIP_STD = [0.26862954, 0.26130258, 0.27577711] as const;
/** ImageNet's normalisation (DINO's eval transform; torchvision's ImageNet weights). */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/**
 * OpenAI CLIP / open_clip `preprocess` for an n px model (224 for ViT-B/32, 336 for ViT-L/14@336):
 * Resize(n, BICUBIC) → CenterCrop(n) → RGB → ToTensor → Normalize(CLIP mean, std).
 */
export function clipSpec(size = 224): PreprocessSpec {
  return parseSpec({
    size,
    resizeShortest: true,
    crop: size,
    mean: [...CLIP_MEAN],
    std: [...CLIP_STD],
    interpolation: "bicubic",
  });
}

export const PREPROCESS_PRESETS = {
  /** OpenAI CLIP / open_clip ViT-B/32 `preprocess` (224 px). */
  clip: clipSpec(224),
  /**
   * DINO ViT-S/16 evaluation transform (facebookresearch/dino eval_linear.py, eval_knn.py):
   * Resize(256, interpolation=3 = BICUBIC) → CenterCrop(224) → ToTensor → Normalize(ImageNet).
   */
  dino: parseSpec({
    size: 256,
    resizeShortest: true,
    crop: 224,
    mean: [...IMAGENET_MEAN],
    std: [...IMAGENET_STD],
    interpolation: "bicubic",
  }),
  /**
   * pytorch-fid: ToTensor (0…1), then the network's `F.interpolate(size=(299, 299),
   * mode="bilinear", align_corners=False)`; no normalisation outside the network.
   */
  "inception-pytorch-fid": parseSpec({
    size: 299,
    resizeShortest: false,
    crop: null,
    mean: [0, 0, 0],
    std: [1, 1, 1],
    interpolation: "torch-bilinear",
  }),
  /**
   * clean-fid "clean" mode: `make_resizer("PIL", False, "bicubic", (299, 299))` on 0…255 floats,
   * clipped to 0…255, then divided by 255 here so both FID modes hand the model 0…1.
   */
  "inception-clean-fid": parseSpec({
    size: 299,
    resizeShortest: false,
    crop: null,
    mean: [0, 0, 0],
    std: [1, 1, 1],
    interpolation: "bicubic-float",
  }),
} as const satisfies Record<string, PreprocessSpec>;

export type PresetName = keyof typeof PREPROCESS_PRESETS;

/** Validates a spec (e.g. from a model's registration), with a one-line error when it is wrong. */
export function parseSpec(input: unknown): PreprocessSpec {
  const parsed = PreprocessSpecSchema.safeParse(input);
  if (!parsed.success)
    throw new PreprocessError(
      `invalid preprocessing spec: ${parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "(spec)"}: ${issue.message}`)
        .join("; ")}`,
    );
  return parsed.data;
}

/** A spec or the name of a preset, resolved and validated. */
export function resolveSpec(spec: PreprocessSpec | PresetName): PreprocessSpec {
  if (typeof spec !== "string") return parseSpec(spec);
  if (!Object.hasOwn(PREPROCESS_PRESETS, spec))
    throw new PreprocessError(
      `unknown preprocessing preset "${String(spec)}"; known: ${Object.keys(PREPROCESS_PRESETS).join(", ")}`,
    );
  return PREPROCESS_PRESETS[spec];
}
