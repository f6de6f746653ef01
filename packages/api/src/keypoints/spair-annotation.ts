/**
 * SPair-71k pair annotations (Min et al. 2019, "SPair-71k: A Large-scale Benchmark for Semantic
 * Correspondence"): one JSON file per pair under `PairAnnotation/<split>/`, naming the two images
 * (`JPEGImages/<category>/<imname>`), their keypoints in pixels ([x, y] per point, in the same
 * order in both images) and each object's bounding box [x1, y1, x2, y2]. The fields Loupe does not
 * use (viewpoint, truncation, occlusion, ...) are kept out of the way, not refused.
 */
import { z } from "zod";

const coordinate = z.number().finite();
const point = z.tuple([coordinate, coordinate]);
const box = z.tuple([coordinate, coordinate, coordinate, coordinate]);

export const spairPairAnnotation = z.looseObject({
  src_imname: z.string().trim().min(1),
  trg_imname: z.string().trim().min(1),
  category: z.string().trim().min(1).max(100),
  /** null where a keypoint is not visible (SPair itself lists only the shared visible ones). */
  src_kps: z.array(point.nullable()).min(1).max(1000),
  trg_kps: z.array(point.nullable()).min(1).max(1000),
  kps_ids: z.array(z.union([z.string(), z.number()])).optional(),
  trg_bndbox: box.optional(),
});
export type SpairPairAnnotation = z.infer<typeof spairPairAnnotation>;

export type Keypoint = [number, number] | null;

/** What Loupe stores for a pair (the KeypointPair row, less its prompt). */
export interface KeypointPairRecord {
  category: string;
  keypointIds: string[];
  sourceKeypoints: Keypoint[];
  targetKeypoints: Keypoint[];
  targetBox: [number, number, number, number] | null;
  targetWidth: number;
  targetHeight: number;
}

type Size = { width: number; height: number };

const describe = (p: [number, number]) => `(${p[0]}, ${p[1]})`;

/** The first keypoint outside its image (0 ≤ x ≤ width, 0 ≤ y ≤ height), as a sentence. */
function outsideImage(points: Keypoint[], size: Size, which: string): string | null {
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    if (p && (p[0] < 0 || p[1] < 0 || p[0] > size.width || p[1] > size.height))
      return `${which} keypoint ${i + 1} ${describe(p)} lies outside the ${size.width}×${size.height} ${which} image`;
  }
  return null;
}

/**
 * Checks an annotation against its two decoded images and returns the record to store, or why it
 * cannot be: keypoint lists of different lengths, a ground-truth keypoint outside its image (the
 * annotation and the image disagree — storing it would make PCK meaningless), or a box that is
 * empty or leaves the target image.
 */
export function checkPairAnnotation(
  annotation: SpairPairAnnotation,
  images: { source: Size; target: Size },
): { ok: KeypointPairRecord } | { error: string } {
  const { src_kps: source, trg_kps: target } = annotation;
  if (source.length !== target.length)
    return { error: `${source.length} source keypoints but ${target.length} target keypoints` };
  const ids = (annotation.kps_ids ?? source.map((_, i) => i)).map(String);
  if (ids.length !== source.length)
    return { error: `${ids.length} keypoint ids for ${source.length} keypoints` };
  const outside =
    outsideImage(source, images.source, "source") ?? outsideImage(target, images.target, "target");
  if (outside) return { error: outside };
  if (!target.some((p) => p !== null)) return { error: "no target keypoint is visible" };
  const b = annotation.trg_bndbox ?? null;
  if (b) {
    if (!(b[2] > b[0] && b[3] > b[1]))
      return { error: `the target box [${b.join(", ")}] is empty (x2 must exceed x1, y2 exceed y1)` };
    if (b[0] < 0 || b[1] < 0 || b[2] > images.target.width || b[3] > images.target.height)
      return {
        error: `the target box [${b.join(", ")}] leaves the ${images.target.width}×${images.target.height} target image`,
      };
  }
  return {
    ok: {
      category: annotation.category,
      keypointIds: ids,
      sourceKeypoints: source,
      targetKeypoints: target,
      targetBox: b,
      targetWidth: images.target.width,
      targetHeight: images.target.height,
    },
  };
}

/** The first zod issue of a bad annotation, as "field: message". */
export function annotationProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
}
