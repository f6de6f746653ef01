/**
 * A CLIP text encoder: prompts tokenized to the model's fixed context, `batchSize` at a time, one
 * embedding row per prompt. Exports that also take an attention mask (Hugging Face's) get it as
 * their second input.
 */
import * as ort from "onnxruntime-node";
import type { ClipTokenizer } from "./clip-tokenizer";
import { splitRows } from "./image-encoder";

export class TextEncoder {
  constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: ClipTokenizer,
    private readonly batchSize: number,
  ) {}

  async encode(texts: readonly string[]): Promise<Float32Array[]> {
    const rows: Float32Array[] = [];
    const length = this.tokenizer.contextLength;
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize).map((t) => this.tokenizer.encode(t));
      const ids = new BigInt64Array(batch.length * length);
      const mask = new BigInt64Array(batch.length * length);
      batch.forEach((t, k) => {
        ids.set(t.ids, k * length);
        mask.set(t.mask, k * length);
      });
      const [idsName, maskName] = this.session.inputNames;
      const feeds: Record<string, ort.Tensor> = {
        [idsName!]: new ort.Tensor("int64", ids, [batch.length, length]),
      };
      if (maskName) feeds[maskName] = new ort.Tensor("int64", mask, [batch.length, length]);
      const output = await this.session.run(feeds);
      rows.push(...splitRows(output[this.session.outputNames[0]!], batch.length));
    }
    return rows;
  }
}
