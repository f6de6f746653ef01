import { describe, expect, it } from "vitest";
import { checkPairAnnotation, spairPairAnnotation } from "./spair-annotation";

const images = { source: { width: 100, height: 80 }, target: { width: 120, height: 90 } };
const annotation = (over: Record<string, unknown> = {}) =>
  spairPairAnnotation.parse({
    src_imname: "a.jpg",
    trg_imname: "b.jpg",
    category: "cat",
    src_kps: [
      [10, 10],
      [50, 40],
    ],
    trg_kps: [
      [20, 15],
      [60, 45],
    ],
    kps_ids: ["3", "7"],
    trg_bndbox: [5, 5, 105, 85],
    viewpoint_variation: 1,
    ...over,
  });

describe("checkPairAnnotation", () => {
  it("keeps a well-formed pair with the target image's size", () => {
    const r = checkPairAnnotation(annotation(), images);
    expect(r).toEqual({
      ok: {
        category: "cat",
        keypointIds: ["3", "7"],
        sourceKeypoints: [
          [10, 10],
          [50, 40],
        ],
        targetKeypoints: [
          [20, 15],
          [60, 45],
        ],
        targetBox: [5, 5, 105, 85],
        targetWidth: 120,
        targetHeight: 90,
      },
    });
  });

  it("refuses a ground-truth keypoint outside its image, naming it", () => {
    const r = checkPairAnnotation(
      annotation({
        trg_kps: [
          [20, 15],
          [121, 45],
        ],
      }),
      images,
    );
    expect(r).toEqual({ error: "target keypoint 2 (121, 45) lies outside the 120×90 target image" });
    expect(
      checkPairAnnotation(
        annotation({
          src_kps: [
            [-1, 0],
            [1, 1],
          ],
        }),
        images,
      ),
    ).toEqual({
      error: "source keypoint 1 (-1, 0) lies outside the 100×80 source image",
    });
  });

  it("refuses lists of different lengths, an empty box and a box leaving the image", () => {
    expect(checkPairAnnotation(annotation({ trg_kps: [[1, 1]] }), images)).toEqual({
      error: "2 source keypoints but 1 target keypoints",
    });
    expect(checkPairAnnotation(annotation({ trg_bndbox: [50, 5, 50, 85] }), images)).toMatchObject({
      error: expect.stringContaining("is empty"),
    });
    expect(checkPairAnnotation(annotation({ trg_bndbox: [0, 0, 130, 85] }), images)).toMatchObject({
      error: expect.stringContaining("leaves the 120×90 target image"),
    });
  });

  it("numbers keypoints when the annotation has no ids, and allows a pair without a box", () => {
    const r = checkPairAnnotation(annotation({ kps_ids: undefined, trg_bndbox: undefined }), images);
    expect(r).toMatchObject({ ok: { keypointIds: ["0", "1"], targetBox: null } });
  });

  it("rejects non-finite coordinates at parse time", () => {
    expect(
      spairPairAnnotation.safeParse({
        ...annotation(),
        trg_kps: [
          [1, Infinity],
          [1, 1],
        ],
      }).success,
    ).toBe(false);
  });
});
