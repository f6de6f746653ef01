/**
 * Image preprocessing for the ONNX encoders (CLIP, DINO, Inception), reproducing the Python
 * reference pipelines numerically: Pillow's resampling (8-bit and float), PyTorch's bilinear
 * interpolate, torchvision's Resize/CenterCrop/ToTensor/Normalize.
 */
export { PreprocessError } from "./errors";
export { decodeRgb, MAX_INPUT_PIXELS, type DecodeOptions, type RgbImage } from "./decode";
export type { Plane32, Raster8, RasterF32, Window } from "./raster";
export {
  normalizeCoeffs8bpc,
  pillowResize,
  pillowResizeFloat,
  pillowResizeFloatChannels,
  precomputeCoeffs,
  type PillowCoefficients,
  type PillowFilter,
} from "./resample-pillow";
export { torchBilinear, torchBilinearChannels, torchLinearTaps, type LinearTaps } from "./resample-torch";
export { centerCropOffsets, resizeShortestSide, roundHalfEven, type Size } from "./geometry";
export { stackBatch, TO_TENSOR_TABLE, type BatchTensor, type ImageTensor } from "./tensor";
export {
  CLIP_MEAN,
  CLIP_STD,
  clipSpec,
  IMAGENET_MEAN,
  IMAGENET_STD,
  INTERPOLATIONS,
  parseSpec,
  PREPROCESS_PRESETS,
  PreprocessSpecSchema,
  type Interpolation,
  type PreprocessSpec,
  type PresetName,
} from "./spec";
export {
  preprocess,
  preprocessBatch,
  preprocessClip,
  preprocessDino,
  preprocessInception,
  preprocessRgb,
  type InceptionMode,
  type InceptionTensor,
} from "./pipelines";
