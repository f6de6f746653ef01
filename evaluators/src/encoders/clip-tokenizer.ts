/**
 * CLIP text tokenization with Hugging Face's own tokenizer library (@huggingface/tokenizers, the
 * tokenizer of transformers.js) reading the `tokenizer.json` (and, when present,
 * `tokenizer_config.json`) the user saved next to their text encoder — the files
 * `CLIPTokenizerFast.save_pretrained(dir)` writes. Nothing is fetched.
 *
 * The encoder takes a fixed context (77 for CLIP): ids = [start] + BPE(text) + [end], cut to the
 * context with the end token kept last (open_clip's `tokenize` truncation), then padded with
 * `padId` (0 in open_clip; Hugging Face exports pad with the end token — either way CLIP pools at
 * the first end token).
 */
import fs from "node:fs";
import path from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { ModelFileError } from "../runtime/session-pool";

export interface TokenizedText {
  ids: BigInt64Array;
  /** 1 for real tokens, 0 for padding (for encoders exported with an attention-mask input). */
  mask: BigInt64Array;
}

export class ClipTokenizer {
  private constructor(
    private readonly tokenizer: Tokenizer,
    readonly contextLength: number,
    readonly padId: number,
  ) {}

  static load(dir: string, options: { contextLength?: number; padId?: number } = {}): ClipTokenizer {
    const file = path.join(dir, "tokenizer.json");
    const configFile = path.join(dir, "tokenizer_config.json");
    let tokenizer: Tokenizer;
    try {
      const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
      const config: unknown = fs.existsSync(configFile)
        ? JSON.parse(fs.readFileSync(configFile, "utf8"))
        : {};
      tokenizer = new Tokenizer(json as object, config as object);
    } catch (err) {
      throw new ModelFileError(`cannot read the tokenizer in ${dir}: ${(err as Error).message}`);
    }
    return new ClipTokenizer(tokenizer, options.contextLength ?? 77, options.padId ?? 0);
  }

  encode(text: string): TokenizedText {
    const all = this.tokenizer.encode(text).ids;
    const ids =
      all.length > this.contextLength ? [...all.slice(0, this.contextLength - 1), all.at(-1)!] : all;
    const out = new BigInt64Array(this.contextLength).fill(BigInt(this.padId));
    const mask = new BigInt64Array(this.contextLength);
    ids.forEach((id, i) => {
      out[i] = BigInt(id);
      mask[i] = 1n;
    });
    return { ids: out, mask };
  }
}
