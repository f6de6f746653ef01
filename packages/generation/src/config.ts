/**
 * How a model is run: its adapter and the adapter's settings, as stored in `GenModel.config` and
 * accepted by the UI, the CLI and /api/v1. One zod schema per adapter, so a bad setting is named
 * when it is saved rather than discovered by a worker at 3 a.m.
 */
import { z } from "zod";

/** Settings every adapter shares. */
const common = {
  /** Seconds one call may take before it is aborted (and retried as a transient failure). */
  timeoutSeconds: z
    .number()
    .positive()
    .max(24 * 3600)
    .default(300),
  /** Attempts per item for transient failures (timeouts, connection errors, 429, 5xx). */
  attempts: z.number().int().min(1).max(10).default(3),
  /** Calls one worker makes at once with this model (GPU adapters are also bounded by GPU slots). */
  concurrency: z.number().int().min(1).max(64).default(1),
  /** Default sampling parameters; a job's own parameters override them key by key. */
  params: z.record(z.string(), z.json()).default({}),
};

const header = z.string().regex(/^[A-Za-z0-9-]+$/, "a header name has letters, digits and dashes only");

export const httpAdapterConfig = z.object({
  kind: z.literal("http"),
  url: z.url({ protocol: /^https?$/, message: "an http:// or https:// URL" }),
  /** Extra request headers (not secret: they are shown to project members). */
  headers: z.record(header, z.string().max(2000)).default({}),
  /** Name of a project secret sent as `<authHeader>: <authScheme> <secret>`. */
  authSecret: z.string().trim().min(1).max(120).optional(),
  authHeader: header.default("Authorization"),
  authScheme: z.string().max(40).default("Bearer"),
  /**
   * The JSON request body; strings may hold {{prompt}}, {{prompt_id}}, {{seed}}, {{params}} and
   * {{params.NAME}}. A string that is exactly one placeholder becomes the value itself (a number
   * stays a number).
   */
  body: z.json().default({ prompt: "{{prompt}}", seed: "{{seed}}", params: "{{params}}" }),
  /**
   * Where the media is in a JSON response, as a dotted path ("data.0.b64_json" for OpenAI-style
   * image endpoints). The value may be base64, a data: URL, an http(s) URL or a file path on this
   * machine. Responses that are media themselves (image/*, video/*, audio/*) need no path.
   */
  mediaPath: z.string().max(200).optional(),
  /** Dotted path of the steps / NFE count in a JSON response, when the server reports it. */
  stepsPath: z.string().max(200).optional(),
  ...common,
  concurrency: common.concurrency.default(4),
});

export const commandAdapterConfig = z.object({
  kind: z.literal("command"),
  /** The program and its arguments (run without a shell), e.g. ["python", "sample.py"]. */
  command: z.array(z.string().min(1)).min(1),
  cwd: z.string().optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
  /** Whether the script runs on this machine's GPU (takes a GPU slot, gets CUDA_VISIBLE_DEVICES). */
  usesGpu: z.boolean().default(true),
  ...common,
});

const onnxInput = z.discriminatedUnion("source", [
  /** Standard normal noise from the item's seed (the latent of a one-step generator). */
  z.object({
    name: z.string().min(1),
    source: z.literal("noise"),
    shape: z.array(z.number().int().positive()).min(1),
  }),
  /** The seed itself, as a one-element int64 tensor. */
  z.object({ name: z.string().min(1), source: z.literal("seed") }),
  /** A numeric sampling parameter (e.g. guidance) as a one-element float32 tensor. */
  z.object({ name: z.string().min(1), source: z.literal("param"), param: z.string().min(1) }),
]);

export const onnxAdapterConfig = z.object({
  kind: z.literal("onnx"),
  /** The .onnx file on the worker machine. */
  modelPath: z.string().min(1),
  /** When given, the file must hash to it (a worker refuses a different file). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** "auto" uses CUDA where this machine has it and CPU otherwise. */
  executionProvider: z.enum(["auto", "cpu", "cuda"]).default("auto"),
  inputs: z.array(onnxInput).min(1),
  /** The output tensor holding the image; the first output when not named. */
  output: z
    .object({
      name: z.string().min(1).optional(),
      layout: z.enum(["NCHW", "NHWC"]).default("NCHW"),
      /** The value range the generator writes pixels in. */
      range: z.enum(["-1..1", "0..1", "0..255"]).default("-1..1"),
    })
    .default({ layout: "NCHW", range: "-1..1" }),
  ...common,
});

export const importAdapterConfig = z.object({
  kind: z.literal("import"),
  /** The folder with this model's files (on the worker machine or a shared mount). */
  directory: z.string().min(1),
  /**
   * File name for an item: {prompt_id}, {seed} and {ext}; {ext} matches any media extension.
   * The default also finds `<prompt_id>.<ext>` for seed 0, like the folder-layout import.
   */
  pattern: z.string().min(1).default("{prompt_id}_{seed}.{ext}"),
  ...common,
  concurrency: common.concurrency.default(4),
});

export const adapterConfigSchema = z.discriminatedUnion("kind", [
  httpAdapterConfig,
  commandAdapterConfig,
  onnxAdapterConfig,
  importAdapterConfig,
]);

export type AdapterConfig = z.output<typeof adapterConfigSchema>;
export type AdapterConfigInput = z.input<typeof adapterConfigSchema>;
export type HttpAdapterConfig = z.output<typeof httpAdapterConfig>;
export type CommandAdapterConfig = z.output<typeof commandAdapterConfig>;
export type OnnxAdapterConfig = z.output<typeof onnxAdapterConfig>;
export type ImportAdapterConfig = z.output<typeof importAdapterConfig>;
