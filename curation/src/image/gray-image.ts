/** An 8-bit grayscale raster: what the pixel stages and the perceptual hashes read. */
export type GrayImage = {
  width: number;
  height: number;
  data: Uint8Array;
  /**
   * The count of each value in `data`, where whoever made the image counted them in passing (the
   * decoder does: see `toLuma`); `histogramOf` counts them otherwise.
   */
  histogram?: Uint32Array;
};

export function grayImage(
  width: number,
  height: number,
  data: Uint8Array,
  histogram?: Uint32Array,
): GrayImage {
  if (data.length !== width * height)
    throw new RangeError(`expected ${width * height} pixels, got ${data.length}`);
  return histogram ? { width, height, data, histogram } : { width, height, data };
}
