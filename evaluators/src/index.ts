/**
 * @loupe/evaluators — automatic metrics (FID/KID, CLIP score, DINO, PSNR/SSIM/LPIPS, ...) as pure
 * functions over plain data, and, as the evaluators issue lands, the ONNX Runtime models that
 * turn media into the features they read. First: the full-reference pixel metrics.
 */
export { ImagePairError, planesOf, type ColorMode, type RawImage } from "./metrics/image";
export { psnr } from "./metrics/psnr";
export { ssim } from "./metrics/ssim";
export { clipScore, cosine, EmbeddingError, meanPairwiseCosine } from "./metrics/embedding-scores";
export { pck, type Point } from "./metrics/pck";
export { DistributionMetricError, type FeatureSet } from "./distribution/features";
export {
  frechetDistance,
  gaussianStatistics,
  type FrechetDistance,
  type GaussianStatistics,
} from "./distribution/frechet-distance";
export { kernelDistance, type KernelDistance } from "./distribution/kernel-distance";
export { onnxModel, type GraphSpec, type TensorInfo } from "./onnx/model-proto";
export {
  cudaProviderInstalled,
  loadSession,
  ModelFileError,
  sha256OfFile,
  type ExecutionProvider,
  type LoadedSession,
} from "./runtime/session-pool";
