/**
 * @loupe/evaluators — automatic metrics (FID/KID, CLIP score, DINO, PSNR/SSIM/LPIPS, ...) on
 * onnxruntime-node, each a module registered here with its inputs, model files and
 * preprocessing. Filled by the evaluators issue.
 */
export {};
