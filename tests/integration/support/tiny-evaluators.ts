/**
 * Tiny evaluator models with known weights, so their embeddings and scores are known exactly:
 *
 * - image encoder: the top-left pixel of each input channel → [N, 3] (a Slice: exact, where a
 *   mean over 50,000 float32 values would round). For a solid colour under
 *   CLIP preprocessing that is ((c/255 − mean)/std) per channel; under Inception's, the colour in
 *   0…1.
 * - text encoder: the embedding (a row of `table`) of the first token after the start token.
 * - tokenizer.json: WordPiece over a handful of words, with start/end tokens (Hugging Face format).
 */
import fs from "node:fs";
import path from "node:path";
import { onnxModel } from "@loupe/evaluators";

export const WORDS = ["red", "green", "blue"] as const;

export function topLeftPixelModel(size: number): Uint8Array {
  return onnxModel({
    name: "top-left-pixel",
    inputs: [{ name: "pixels", type: "float", shape: ["batch", 3, size, size] }],
    outputs: [{ name: "embedding", type: "float", shape: ["batch", 3] }],
    nodes: [
      { op: "Slice", inputs: ["pixels", "zero", "one", "spatial"], outputs: ["corner"] },
      { op: "Flatten", inputs: ["corner"], outputs: ["embedding"], attributes: { axis: 1 } },
    ],
    initializers: [
      { name: "zero", dims: [2], data: BigInt64Array.of(0n, 0n) },
      { name: "one", dims: [2], data: BigInt64Array.of(1n, 1n) },
      { name: "spatial", dims: [2], data: BigInt64Array.of(2n, 3n) },
    ],
  });
}

/** Token ids: [UNK] 0, <sot> 1, <eot> 2, then WORDS from 3; `table` rows are their embeddings. */
export function firstWordModel(table: number[][], context = 77): Uint8Array {
  return onnxModel({
    name: "first-word",
    inputs: [{ name: "ids", type: "int64", shape: ["batch", context] }],
    outputs: [{ name: "embedding", type: "float", shape: ["batch", 3] }],
    nodes: [
      { op: "Slice", inputs: ["ids", "start", "end", "axis"], outputs: ["word"] },
      { op: "Gather", inputs: ["table", "word"], outputs: ["gathered"], attributes: { axis: 0 } },
      { op: "Flatten", inputs: ["gathered"], outputs: ["embedding"], attributes: { axis: 1 } },
    ],
    initializers: [
      { name: "table", dims: [table.length, 3], data: Float32Array.from(table.flat()) },
      { name: "start", dims: [1], data: BigInt64Array.of(1n) },
      { name: "end", dims: [1], data: BigInt64Array.of(2n) },
      { name: "axis", dims: [1], data: BigInt64Array.of(1n) },
    ],
  });
}

export function writeTokenizer(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const vocab: Record<string, number> = { "[UNK]": 0, "<sot>": 1, "<eot>": 2 };
  WORDS.forEach((w, i) => (vocab[w] = i + 3));
  const special = (content: string, id: number) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const token = (id: string) => ({ SpecialToken: { id, type_id: 0 } });
  fs.writeFileSync(
    path.join(dir, "tokenizer.json"),
    JSON.stringify({
      version: "1.0",
      added_tokens: [special("[UNK]", 0), special("<sot>", 1), special("<eot>", 2)],
      normalizer: { type: "Lowercase" },
      pre_tokenizer: { type: "Whitespace" },
      model: {
        type: "WordPiece",
        unk_token: "[UNK]",
        continuing_subword_prefix: "##",
        max_input_chars_per_word: 100,
        vocab,
      },
      post_processor: {
        type: "TemplateProcessing",
        single: [token("<sot>"), { Sequence: { id: "A", type_id: 0 } }, token("<eot>")],
        pair: [
          token("<sot>"),
          { Sequence: { id: "A", type_id: 0 } },
          { Sequence: { id: "B", type_id: 0 } },
          token("<eot>"),
        ],
        special_tokens: {
          "<sot>": { id: "<sot>", ids: [1], tokens: ["<sot>"] },
          "<eot>": { id: "<eot>", ids: [2], tokens: ["<eot>"] },
        },
      },
      decoder: null,
    }),
  );
}

/** An LPIPS stand-in: mean((a − b)²) over every pixel and channel of the two −1…1 images → [1]. */
export function meanSquaredDifferenceModel(): Uint8Array {
  return onnxModel({
    name: "mean-squared-difference",
    inputs: [
      { name: "a", type: "float", shape: [1, 3, "h", "w"] },
      { name: "b", type: "float", shape: [1, 3, "h", "w"] },
    ],
    outputs: [{ name: "distance", type: "float", shape: [1] }],
    nodes: [
      { op: "Sub", inputs: ["a", "b"], outputs: ["difference"] },
      { op: "Mul", inputs: ["difference", "difference"], outputs: ["squared"] },
      {
        op: "ReduceMean",
        inputs: ["squared"],
        outputs: ["distance"],
        attributes: { axes: [1, 2, 3], keepdims: 0 },
      },
    ],
  });
}

/** Token embeddings for firstWordModel: [UNK], <sot>, <eot>, red, green, blue (each colour its axis). */
export const COLOUR_TOKEN_TABLE = [
  [0, 0, 1],
  [0, 0, 0],
  [0, 0, 0],
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

/** A tiny CLIP model's files in `dir`: clip-image.onnx, clip-text.onnx and tokenizer/. */
export function writeTinyClipFiles(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    image: path.join(dir, "clip-image.onnx"),
    text: path.join(dir, "clip-text.onnx"),
    tokenizer: path.join(dir, "tokenizer"),
  };
  fs.writeFileSync(files.image, topLeftPixelModel(224));
  fs.writeFileSync(files.text, firstWordModel(COLOUR_TOKEN_TABLE));
  writeTokenizer(files.tokenizer);
  return files;
}
