/**
 * One row of an outputs manifest, however it arrived (CSV, JSONL or a folder layout), and the
 * zod schema that validates a raw row into it. Column names are the manifest's (snake_case).
 */
import { z } from "zod";

export type ManifestRow = {
  /** 1-based line in the manifest (or position in the folder listing), for the report. */
  line: number;
  model: string;
  /** The prompt's external id in the prompt set; or else `prompt`, its exact text. */
  promptId?: string;
  prompt?: string;
  seed: bigint;
  /** Where the media file is: a path (CLI) or an uploaded part's name (REST, web). */
  file: string;
  params: Record<string, z.core.util.JSONType>;
  latencyMs?: number;
  steps?: number;
  /**
   * Folder rows only: the whole file name without extension. `p_7.png` reads as prompt `p`
   * with seed 7, unless the set has a prompt whose id is `p_7` itself (then seed 0).
   */
  stem?: string;
};

export type ManifestRowError = { line: number; file?: string; message: string };

export const MANIFEST_COLUMNS = [
  "model",
  "prompt_id",
  "prompt",
  "seed",
  "file",
  "path",
  "params",
  "latency_ms",
  "steps",
] as const;

const INT64_MAX = 2n ** 63n - 1n;

const seedSchema = z
  .union([z.string(), z.number(), z.bigint()], { error: "must be a whole number" })
  .transform((v, ctx) => {
    const text = typeof v === "string" ? v.trim() : String(v);
    if (!/^-?\d+$/.test(text) || (typeof v === "number" && !Number.isSafeInteger(v))) {
      ctx.addIssue({ code: "custom", message: `must be a whole number (got ${JSON.stringify(String(v))})` });
      return z.NEVER;
    }
    const seed = BigInt(text);
    if (seed > INT64_MAX || seed < -INT64_MAX - 1n) {
      ctx.addIssue({ code: "custom", message: "is outside the 64-bit range" });
      return z.NEVER;
    }
    return seed;
  });

const countSchema = (what: string) =>
  z.union([z.string(), z.number()], { error: `must be a whole number of ${what}` }).transform((v, ctx) => {
    const n = typeof v === "string" ? Number(v.trim()) : v;
    if (!Number.isSafeInteger(n) || n < 0 || (typeof v === "string" && !/^\d+$/.test(v.trim()))) {
      ctx.addIssue({
        code: "custom",
        message: `must be a whole number of ${what} ≥ 0 (got ${JSON.stringify(String(v))})`,
      });
      return z.NEVER;
    }
    return n;
  });

/** `params` is a JSON object: given as one (JSONL) or as its JSON text (CSV). */
const paramsSchema = z
  .union([z.string(), z.record(z.string(), z.json())], { error: "must be a JSON object" })
  .transform((v, ctx) => {
    if (typeof v !== "string") return v;
    try {
      const parsed: unknown = JSON.parse(v);
      const obj = z.record(z.string(), z.json()).safeParse(parsed);
      if (obj.success) return obj.data;
    } catch {
      /* reported below */
    }
    ctx.addIssue({ code: "custom", message: 'must be a JSON object, e.g. {"steps": 4}' });
    return z.NEVER;
  });

const text = (what: string) =>
  z
    .union([z.string(), z.number()], { error: `must be text` })
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, `${what} is empty`).max(1000, `${what} is longer than 1000 characters`));

/** A raw row (CSV cells or a JSONL object, blanks already removed) → the row's fields. */
export const manifestRowSchema = z
  .object({
    model: text("model").optional(),
    prompt_id: text("prompt_id").optional(),
    prompt: z
      .string({ error: "must be text" })
      .trim()
      .min(1)
      .max(10_000, "is longer than 10,000 characters")
      .optional(),
    seed: seedSchema.optional(),
    file: text("file").optional(),
    path: text("path").optional(),
    params: paramsSchema.optional(),
    latency_ms: countSchema("milliseconds").optional(),
    steps: countSchema("steps").optional(),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (!row.model) ctx.addIssue({ code: "custom", path: ["model"], message: "missing" });
    if (!row.prompt_id && !row.prompt) {
      ctx.addIssue({ code: "custom", path: ["prompt_id"], message: "missing (give prompt_id or prompt)" });
    }
    if (!row.file && !row.path) ctx.addIssue({ code: "custom", path: ["file"], message: "missing" });
    if (row.file && row.path && row.file !== row.path) {
      ctx.addIssue({ code: "custom", path: ["path"], message: "differs from file; give one of them" });
    }
  });

/** Issues as one line: `seed: must be a whole number (got "x"); file: missing`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      if (i.code === "unrecognized_keys") {
        return `unknown ${i.keys.length === 1 ? "field" : "fields"} ${i.keys.map((k) => JSON.stringify(k)).join(", ")} (expected ${MANIFEST_COLUMNS.join(", ")})`;
      }
      return `${i.path.join(".") || "row"}: ${i.message}`;
    })
    .join("; ");
}

/** Validates one raw row; blanks (empty strings, null) count as absent. */
export function toManifestRow(
  line: number,
  raw: Record<string, unknown>,
): { row: ManifestRow } | { error: ManifestRowError } {
  const present = Object.fromEntries(
    Object.entries(raw).filter(
      ([, v]) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === ""),
    ),
  );
  const parsed = manifestRowSchema.safeParse(present);
  const file =
    typeof present.file === "string"
      ? present.file
      : typeof present.path === "string"
        ? present.path
        : undefined;
  if (!parsed.success)
    return { error: { line, ...(file ? { file } : {}), message: describeIssues(parsed.error) } };
  const r = parsed.data;
  return {
    row: {
      line,
      model: r.model!,
      ...(r.prompt_id ? { promptId: r.prompt_id } : { prompt: r.prompt! }),
      seed: r.seed ?? 0n,
      file: (r.file ?? r.path)!,
      params: r.params ?? {},
      ...(r.latency_ms !== undefined ? { latencyMs: r.latency_ms } : {}),
      ...(r.steps !== undefined ? { steps: r.steps } : {}),
    },
  };
}
