import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decideItem } from "../pipeline";
import { scene } from "../testing/images";
import { configure } from "./stage";
import { decodeStage, textAreaStage } from "./index";

/** A slide: two lines of large black text on white. */
async function slide(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect width="640" height="480" fill="#fff"/>
    <text x="40" y="200" font-family="DejaVu Sans" font-size="80" font-weight="bold">Hello Loupe</text>
    <text x="40" y="330" font-family="DejaVu Sans" font-size="80">OCR test 42</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const stages = [configure(decodeStage, {}), configure(textAreaStage, { maxTextArea: 0.1 })];
const decide = (input: Buffer) =>
  decideItem({ itemId: "x", source: "x.png", input, bytes: input.length }, stages);

describe("the OCR text-area stage (PP-OCRv4 detector)", () => {
  it("drops a slide of text and keeps a photo without text, recording the area and regions", async () => {
    const text = await decide(await slide());
    expect(text).toMatchObject({ status: "dropped", firstFailingStage: "ocr" });
    expect(text.reason).toMatch(/^text covers \d+\.\d% of the image, above 10\.0%$/);
    expect(text.scores["ocr.textArea"]).toBeGreaterThan(0.1);
    expect(text.scores["ocr.regions"]).toBeGreaterThanOrEqual(2);

    const photo = await decide(await scene(3));
    expect(photo).toMatchObject({ status: "kept" });
    expect(photo.scores["ocr.textArea"]).toBeLessThan(0.1);
  }, 60_000);

  it("leaves an undecodable file to the decode stage", async () => {
    const broken = (await scene(4)).subarray(0, 300);
    expect(await decide(broken)).toMatchObject({ status: "error", firstFailingStage: "decode" });
  });
});
