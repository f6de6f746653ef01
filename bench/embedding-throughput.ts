/**
 * Embedding throughput: is preprocessing ever the bottleneck? An image encoder of about CLIP
 * ViT-B/32's cost (a stack of convolutions, ≈ 2.8 GMAC per 224×224 image, random weights) embeds 64
 * photo-sized JPEGs (1024×1024) two ways: the ONNX model alone on tensors prepared beforehand, and
 * Loupe's ImageEncoder from the JPEG bytes (decode, Pillow-exact bicubic resize, crop, normalise,
 * batches of 16, the next batch prepared while the model runs). Target: end to end within 10% of
 * the model's own time.
 */
import sharp from "sharp";
import * as ort from "onnxruntime-node";
import { ImageEncoder, onnxModel, preprocess, type GraphSpec } from "@loupe/evaluators";
import { seededRandom, standardNormal } from "@loupe/stats";

const IMAGES = 64;
const BATCH = 16;

/** Conv layers (in, out, stride) over 224×224 → global average → [N, 512]. */
function encoderSpec(): GraphSpec {
  const random = seededRandom(5);
  const layers: [number, number, number][] = [
    [3, 64, 2],
    [64, 128, 1],
    [128, 256, 2],
    [256, 512, 2],
  ];
  const nodes: GraphSpec["nodes"] = [];
  const initializers: NonNullable<GraphSpec["initializers"]> = [];
  let input = "pixels";
  layers.forEach(([cin, cout, stride], i) => {
    const weights = Float32Array.from(
      { length: cout * cin * 9 },
      () => standardNormal(random) / Math.sqrt(cin * 9),
    );
    initializers.push({ name: `w${i}`, dims: [cout, cin, 3, 3], data: weights });
    nodes.push({
      op: "Conv",
      inputs: [input, `w${i}`],
      outputs: [`c${i}`],
      attributes: { kernel_shape: [3, 3], strides: [stride, stride], pads: [1, 1, 1, 1] },
    });
    nodes.push({ op: "Relu", inputs: [`c${i}`], outputs: [`r${i}`] });
    input = `r${i}`;
  });
  nodes.push({ op: "GlobalAveragePool", inputs: [input], outputs: ["pooled"] });
  nodes.push({ op: "Flatten", inputs: ["pooled"], outputs: ["embedding"], attributes: { axis: 1 } });
  return {
    name: "conv-encoder",
    inputs: [{ name: "pixels", type: "float", shape: ["n", 3, 224, 224] }],
    outputs: [{ name: "embedding", type: "float", shape: ["n", 512] }],
    nodes,
    initializers,
  };
}

async function photo(i: number): Promise<Buffer> {
  // Smooth colour fields plus noise: JPEG-compressible like a photo, never a flat image.
  const noise = Buffer.alloc(256 * 256 * 3);
  const random = seededRandom(100 + i);
  for (let k = 0; k < noise.length; k++) noise[k] = Math.floor(random.next() * 256);
  return sharp(noise, { raw: { width: 256, height: 256, channels: 3 } })
    .resize(1024, 1024, { kernel: "cubic" })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function benchEmbeddingThroughput() {
  const session = await ort.InferenceSession.create(onnxModel(encoderSpec()), {
    executionProviders: ["cpu"],
  });
  const images = await Promise.all(Array.from({ length: IMAGES }, (_, i) => photo(i)));
  const prepared = await Promise.all(images.map((bytes) => preprocess(bytes, "clip")));
  const size = prepared[0]!.data.length;
  const batches = [];
  for (let i = 0; i < IMAGES; i += BATCH) {
    const data = new Float32Array(BATCH * size);
    prepared.slice(i, i + BATCH).forEach((p, k) => data.set(p.data, k * size));
    batches.push(new ort.Tensor("float32", data, [BATCH, 3, 224, 224]));
  }
  // Warm up both paths once.
  await session.run({ pixels: batches[0]! });
  const encoder = new ImageEncoder(session, (bytes) => preprocess(bytes, "clip"), BATCH);
  await encoder.encode(images.slice(0, BATCH));

  let t = performance.now();
  for (const batch of batches) await session.run({ pixels: batch });
  const model = (performance.now() - t) / 1000;
  t = performance.now();
  const rows = await encoder.encode(images);
  const endToEnd = (performance.now() - t) / 1000;
  if (rows.some((r) => r instanceof Error)) throw new Error("an image failed to encode");
  t = performance.now();
  await Promise.all(images.map((bytes) => preprocess(bytes, "clip")));
  const preprocessing = (performance.now() - t) / 1000;
  return {
    name: `Embedding throughput (${IMAGES} 1024² JPEGs, a ≈2.8 GMAC encoder)`,
    summary:
      `model alone ${((model / IMAGES) * 1000).toFixed(1)} ms/image, end to end ${((endToEnd / IMAGES) * 1000).toFixed(1)} ms/image ` +
      `(ratio ${(endToEnd / model).toFixed(2)}); preprocessing alone ${((preprocessing / IMAGES) * 1000).toFixed(1)} ms/image`,
  };
}
