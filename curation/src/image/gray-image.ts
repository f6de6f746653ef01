/** An 8-bit grayscale raster: what the pixel stages and the perceptual hashes read. */
export type GrayImage = { width: number; height: number; data: Uint8Array };

export function grayImage(width: number, height: number, data: Uint8Array): GrayImage {
  if (data.length !== width * height)
    throw new RangeError(`expected ${width * height} pixels, got ${data.length}`);
  return { width, height, data };
}
