/**
 * Runs an ONNX image model over a list of images: each image is prepared on its own (decode,
 * resize, crop, normalise — a failure is that image's error, not the batch's), the prepared ones go
 * through the model `batchSize` at a time, and each image gets its row of the model's first output:
 * an embedding ([N, D]) or a score ([N] or [N, 1], a row of length 1).
 *
 * Preparing the next batch overlaps the model's run (ONNX Runtime runs off the JavaScript thread),
 * so preprocessing does not add to the encoder's own time.
 */
import * as ort from "onnxruntime-node";

export interface PreparedImage {
  data: Float32Array;
  /** [channels, height, width]. */
  shape: readonly number[];
}

export type PrepareImage = (bytes: Uint8Array) => Promise<PreparedImage>;

export class EncoderError extends Error {
  override name = "EncoderError";
}

export class ImageEncoder {
  constructor(
    private readonly session: ort.InferenceSession,
    private readonly prepare: PrepareImage,
    private readonly batchSize: number,
  ) {}

  /** One row per image, or the reason that image has none. */
  async encode(images: readonly Uint8Array[]): Promise<(Float32Array | Error)[]> {
    const results: (Float32Array | Error)[] = new Array<Float32Array | Error>(images.length);
    const batches: number[][] = [];
    for (let i = 0; i < images.length; i += this.batchSize) {
      batches.push(Array.from({ length: Math.min(this.batchSize, images.length - i) }, (_, k) => i + k));
    }
    let prepared = this.prepareBatch(images, batches[0] ?? []);
    for (let b = 0; b < batches.length; b++) {
      const current = await prepared;
      if (b + 1 < batches.length) prepared = this.prepareBatch(images, batches[b + 1]!);
      const ok = current.filter((p): p is { index: number; image: PreparedImage } => "image" in p);
      for (const p of current) if ("error" in p) results[p.index] = p.error;
      if (ok.length === 0) continue;
      try {
        const rows = await this.runRows(ok.map((p) => p.image));
        ok.forEach((p, k) => (results[p.index] = rows[k]!));
      } catch (err) {
        for (const p of ok) results[p.index] = err as Error;
      }
    }
    return results;
  }

  /** Rows for images already prepared (video frames decoded once), `batchSize` at a time. */
  async encodePrepared(images: readonly PreparedImage[]): Promise<Float32Array[]> {
    const rows: Float32Array[] = [];
    for (let i = 0; i < images.length; i += this.batchSize) {
      rows.push(...(await this.run(images.slice(i, i + this.batchSize))));
    }
    return rows;
  }

  private prepareBatch(
    images: readonly Uint8Array[],
    indexes: number[],
  ): Promise<({ index: number; image: PreparedImage } | { index: number; error: Error })[]> {
    return Promise.all(
      indexes.map(async (index) => {
        try {
          return { index, image: await this.prepare(images[index]!) };
        } catch (err) {
          return { index, error: err as Error };
        }
      }),
    );
  }

  private async run(batch: PreparedImage[]): Promise<Float32Array[]> {
    return everyRow(await this.runRows(batch));
  }

  private async runRows(batch: PreparedImage[]): Promise<(Float32Array | EncoderError)[]> {
    const shape = batch[0]!.shape;
    const size = batch[0]!.data.length;
    const data = new Float32Array(batch.length * size);
    batch.forEach((image, i) => data.set(image.data, i * size));
    const output = await this.session.run({
      [this.session.inputNames[0]!]: new ort.Tensor("float32", data, [batch.length, ...shape]),
    });
    return rowsOf(output[this.session.outputNames[0]!], batch.length);
  }
}

/**
 * The rows of an [N, D] (or [N], [N, 1]) float output, each checked to be finite: a row with NaN or
 * ∞ is that input's error, and its neighbours in the batch keep their rows.
 */
export function rowsOf(tensor: ort.Tensor | undefined, n: number): (Float32Array | EncoderError)[] {
  if (!tensor || !(tensor.data instanceof Float32Array)) {
    throw new EncoderError("the model's output is not a float32 tensor");
  }
  if (tensor.dims[0] !== n || tensor.data.length % n !== 0) {
    throw new EncoderError(`the model's output has shape [${tensor.dims.join(", ")}] for ${n} inputs`);
  }
  const width = tensor.data.length / n;
  return Array.from({ length: n }, (_, i) => {
    const row = tensor.data.slice(i * width, (i + 1) * width) as Float32Array;
    return row.every(Number.isFinite) ? row : new EncoderError("the model's output is not finite (NaN or ∞)");
  });
}

/** As `rowsOf`, for callers that need every row: the first non-finite row throws. */
export function splitRows(tensor: ort.Tensor | undefined, n: number): Float32Array[] {
  return everyRow(rowsOf(tensor, n));
}

function everyRow(rows: (Float32Array | EncoderError)[]): Float32Array[] {
  return rows.map((row) => {
    if (row instanceof Error) throw row;
    return row;
  });
}
