/**
 * Starting points for a model's adapter settings, one per kind; the server validates whatever is
 * saved (packages/generation/src/config.ts) and docs/generation.md explains every field.
 */
export const ADAPTER_EXAMPLES = {
  http: {
    kind: "http",
    url: "http://gpu-box:8000/generate",
    body: { prompt: "{{prompt}}", seed: "{{seed}}", num_inference_steps: "{{params.steps}}" },
    params: { steps: 30 },
    timeoutSeconds: 300,
    concurrency: 4,
  },
  "http (OpenAI-style)": {
    kind: "http",
    url: "https://api.example.com/v1/images/generations",
    authSecret: "image-api-key",
    body: { model: "my-model", prompt: "{{prompt}}", n: 1, response_format: "b64_json" },
    mediaPath: "data.0.b64_json",
  },
  command: {
    kind: "command",
    command: ["python", "sample.py", "--checkpoint", "ckpt/step-40000"],
    cwd: "/home/me/project",
    params: { steps: 4 },
    timeoutSeconds: 600,
  },
  onnx: {
    kind: "onnx",
    modelPath: "/models/one-step-generator.onnx",
    inputs: [{ name: "noise", source: "noise", shape: [1, 4, 64, 64] }],
    output: { layout: "NCHW", range: "-1..1" },
  },
  import: { kind: "import", directory: "/data/samples/sdxl", pattern: "{prompt_id}_{seed}.{ext}" },
} as const;

export type AdapterExample = keyof typeof ADAPTER_EXAMPLES;
