/**
 * Image → encoder input: decode, resize, crop, ToTensor, Normalize, exactly as the Python
 * reference pipelines compute it, so that features (and the CLIP scores, DINO similarities and
 * FIDs built on them) match the numbers papers report.
 *
 * - CLIP (openai/CLIP clip.py `_transform`, open_clip `image_transform` for OpenAI weights):
 *   Resize(n, BICUBIC) on the PIL image → CenterCrop(n) → convert("RGB") → ToTensor →
 *   Normalize(CLIP mean, std).
 * - DINO (facebookresearch/dino eval transform): pil_loader's convert("RGB") → Resize(256,
 *   BICUBIC) → CenterCrop(224) → ToTensor → Normalize(ImageNet).
 * - Inception for FID, two references:
 *   - "pytorch-fid" (mseitzer/pytorch-fid fid_score.py `ImagePathDataset`, inception.py
 *     `InceptionV3.forward`): convert("RGB") → ToTensor (0…1) → F.interpolate(299 × 299,
 *     bilinear, align_corners=False);
 *   - "clean-fid" (GaParmar/clean-fid utils.py `ResizeDataset`, resize.py `make_resizer("PIL",
 *     False, "bicubic", (299, 299))`): convert("RGB") → each channel as a float "F" image,
 *     Pillow bicubic to 299 × 299, clipped to 0…255 → divided by 255 here.
 *   Both hand over 0…1 RGB, NCHW, 299 × 299: the exported Inception ONNX takes that and does its
 *   own input scaling inside (pytorch-fid's `2x − 1`; for clean-fid's network, which reads
 *   0…255, the export multiplies by 255 first).
 *
 * Where the decode cannot follow PIL (CMYK, 16-bit gray, alpha when CLIP resizes an RGBA image
 * before converting it) is listed in decode.ts. One more CLIP-only divergence: a palette ("P")
 * image handed to CLIP's preprocess as opened is resized by Pillow with NEAREST (it forces that
 * for "P"); we expand the palette at decode and resize with bicubic, which is what every pipeline
 * that converts to RGB first (DINO, both FIDs, most CLIP-score scripts) gets.
 */
import { decodeRgb, type DecodeOptions, type RgbImage } from "./decode";
import { PreprocessError } from "./errors";
import { centerCropOffsets, resizeShortestSide, type Size } from "./geometry";
import type { Window } from "./raster";
import { pillowResize, pillowResizeFloatChannels } from "./resample-pillow";
import { torchBilinearChannels } from "./resample-torch";
import { clipSpec, resolveSpec, type PreprocessSpec, type PresetName } from "./spec";
import {
  cropPlanes,
  normalizePlanes,
  rgbToPlanes,
  stackBatch,
  TO_TENSOR_TABLE,
  type BatchTensor,
  type ImageTensor,
} from "./tensor";

/** The size `Resize` gives: the shorter side to `size` (aspect kept), or size × size. */
function resizedSize(image: Size, spec: PreprocessSpec): Size {
  const size = spec.resizeShortest
    ? resizeShortestSide(image.width, image.height, spec.size)
    : { width: spec.size, height: spec.size };
  // Pillow and torch index pixels with C ints; past that no reference could have run.
  if (size.width > 2 ** 31 - 1 || size.height > 2 ** 31 - 1)
    throw new PreprocessError(
      `the ${image.width}×${image.height} image is too elongated: it would resize to ${size.width}×${size.height}`,
    );
  return size;
}

/**
 * The `region` of the resized image (width × height = `target`), in the reference's domain, as
 * CHW planes in 0…1. Only the region is computed; its values are those of the full resize.
 */
function resizeRegion(image: RgbImage, target: Size, region: Window, spec: PreprocessSpec): Float32Array {
  const rgb = { ...image, channels: 3 };
  const { width, height } = target;
  switch (spec.interpolation) {
    case "bicubic":
    case "bilinear":
      // torchvision's Resize on the PIL image (which returns it untouched when the size matches;
      // pillowResize then just copies the region), then ToTensor.
      return rgbToPlanes(pillowResize(rgb, width, height, spec.interpolation, region));
    case "bicubic-float": {
      // clean-fid: each channel as float32 0…255 → Pillow "F" bicubic (a copy when the size
      // matches) → clip(0, 255); then / 255.
      const resized = pillowResizeFloatChannels(rgb, width, height, "bicubic", region).data;
      const m = region.width * region.height;
      const out = new Float32Array(3 * m);
      for (let i = 0, p = 0; i < m; i++)
        for (let c = 0; c < 3; c++, p++) {
          const v = resized[p]!;
          out[c * m + i] = (v < 0 ? 0 : v > 255 ? 255 : v) / 255;
        }
      return out;
    }
    case "torch-bilinear":
      // pytorch-fid: ToTensor first (0…1), then F.interpolate on that float32 tensor.
      return torchBilinearChannels(rgb, TO_TENSOR_TABLE, width, height, region);
  }
}

/** Runs a spec on decoded pixels (synchronous; the decode is the only asynchronous step). */
export function preprocessRgb(image: RgbImage, spec: PreprocessSpec | PresetName): ImageTensor {
  const resolved = resolveSpec(spec);
  const target = resizedSize(image, resolved);
  // The output window in resized coordinates: the centre crop (which may reach past a short side,
  // where torchvision pads with zeros), or the whole resized image.
  const crop = resolved.crop;
  const { left, top } =
    crop === null ? { left: 0, top: 0 } : centerCropOffsets(target.width, target.height, crop, crop);
  const width = crop ?? target.width;
  const height = crop ?? target.height;
  // The part of that window the resized image covers: computed; the rest is padding.
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const region = {
    left: x0,
    top: y0,
    width: Math.min(target.width, left + width) - x0,
    height: Math.min(target.height, top + height) - y0,
  };
  let planes = resizeRegion(image, target, region, resolved);
  if (region.width !== width || region.height !== height)
    planes = cropPlanes(planes, 3, region.width, region.height, {
      left: left - x0,
      top: top - y0,
      width,
      height,
    });
  normalizePlanes(planes, resolved.mean, resolved.std);
  return { data: planes, shape: [3, height, width] };
}

/** Decodes an image file's bytes and runs a spec (or a named preset) on it. */
export async function preprocess(
  bytes: Uint8Array,
  spec: PreprocessSpec | PresetName,
  options?: DecodeOptions,
): Promise<ImageTensor> {
  const resolved = resolveSpec(spec); // a bad spec fails before any decoding
  return preprocessRgb(await decodeRgb(bytes, options), resolved);
}

/**
 * Several images through one spec, stacked NCHW. The first bad image rejects the whole batch;
 * callers that keep per-item error records run {@link preprocess} per image and stack the good
 * ones with `stackBatch`.
 */
export async function preprocessBatch(
  images: readonly Uint8Array[],
  spec: PreprocessSpec | PresetName,
  options?: DecodeOptions,
): Promise<BatchTensor> {
  const resolved = resolveSpec(spec);
  const tensors: ImageTensor[] = [];
  for (const bytes of images) tensors.push(await preprocess(bytes, resolved, options));
  return stackBatch(tensors);
}

/** CLIP's `preprocess` for an n px model (224 by default; 336 for the @336px CLIPs). */
export async function preprocessClip(
  bytes: Uint8Array,
  options: DecodeOptions & { size?: number } = {},
): Promise<ImageTensor> {
  const { size = 224, ...decode } = options;
  return preprocess(bytes, clipSpec(size), decode);
}

/** DINO ViT-S/16's evaluation transform (256 → centre 224, ImageNet normalisation). */
export function preprocessDino(bytes: Uint8Array, options?: DecodeOptions): Promise<ImageTensor> {
  return preprocess(bytes, "dino", options);
}

export type InceptionMode = "pytorch-fid" | "clean-fid";

/** An Inception input: 0…1 RGB, [3, 299, 299], and which FID reference resized it. */
export type InceptionTensor = ImageTensor & { mode: InceptionMode };

/** The Inception input of pytorch-fid or clean-fid (see the file comment). */
export async function preprocessInception(
  bytes: Uint8Array,
  mode: InceptionMode,
  options?: DecodeOptions,
): Promise<InceptionTensor> {
  if (mode !== "pytorch-fid" && mode !== "clean-fid")
    throw new PreprocessError(`unknown FID mode "${String(mode)}"; use "pytorch-fid" or "clean-fid"`);
  const preset: PresetName = mode === "clean-fid" ? "inception-clean-fid" : "inception-pytorch-fid";
  return { ...(await preprocess(bytes, preset, options)), mode };
}
