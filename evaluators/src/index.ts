/**
 * @loupe/evaluators — automatic metrics as pure functions over plain data (FID/KID, CLIP score,
 * DINO, PSNR/SSIM, PCK, VBench's video consistency), the ONNX Runtime models that turn media into
 * the features they read (a sha256-checked session pool, encoders, reference-exact preprocessing),
 * and the registry that says what each metric needs.
 */
export { ImagePairError, planesOf, type ColorMode, type RawImage } from "./metrics/image";
export { psnr } from "./metrics/psnr";
export { ssim } from "./metrics/ssim";
export { clipScore, cosine, EmbeddingError, meanPairwiseCosine } from "./metrics/embedding-scores";
export { pck, type Point } from "./metrics/pck";
export { METRIC_IDS, METRICS, type MetricDefinition, type MetricId } from "./metrics/registry";
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
export {
  EVALUATOR_MODEL_KINDS,
  evaluatorModelSpec,
  filesOf,
  preprocessOf,
  type EvaluatorModelKind,
  type EvaluatorModelSpec,
  type EvaluatorModelSpecInput,
  type ModelFile,
} from "./models/model-spec";
export { EncoderError, ImageEncoder, type PrepareImage, type PreparedImage } from "./encoders/image-encoder";
export { TextEncoder } from "./encoders/text-encoder";
export { pairDistance } from "./encoders/pair-distance";
export { ClipTokenizer } from "./encoders/clip-tokenizer";
export { loadEvaluatorModel, type LoadedEvaluatorModel } from "./encoders/load-model";
export * from "./preprocess/index";
export { TextAreaError, TextDetector, type TextArea } from "./ocr/text-area";
export * from "./video/index";
