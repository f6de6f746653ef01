import type { GrayImage } from "./gray-image";

/**
 * A line (row or column) is border when it is flat and near black or near white: letterbox and
 * pillarbox bars, scanner margins, the white frame of a pasted product shot. The black level is
 * ffmpeg's cropdetect default (`limit=24` on 0–255, libavfilter/vf_cropdetect.c, which compares
 * each line's mean with it); a white level mirrors it. Unlike cropdetect, a line must also be flat
 * (standard deviation at most FLAT_STD), so a dark but textured night scene is not a border.
 */
export const BLACK_LIMIT = 24;
export const WHITE_LIMIT = 255 - BLACK_LIMIT;
export const FLAT_STD = 8;

/** Border lines on each side, in pixels of the measured image. */
export type Borders = { top: number; bottom: number; left: number; right: number };

function isBorderLine(image: GrayImage, start: number, step: number, count: number): boolean {
  const { data } = image;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0, at = start; i < count; i++, at += step) {
    const v = data[at]!;
    sum += v;
    sumSquares += v * v;
  }
  const mean = sum / count;
  const variance = Math.max(0, sumSquares / count - mean * mean);
  return (mean <= BLACK_LIMIT || mean >= WHITE_LIMIT) && Math.sqrt(variance) <= FLAT_STD;
}

/**
 * Counts border lines inward from each edge, each side stopping at the first line that is not
 * border and never past the middle (an all-black image is half border from each side, so its
 * border share is 1).
 */
export function bordersOf(image: GrayImage): Borders {
  const { width: w, height: h } = image;
  const row = (y: number) => isBorderLine(image, y * w, 1, w);
  const column = (x: number) => isBorderLine(image, x, w, h);
  const scan = (limit: number, isBorder: (i: number) => boolean) => {
    let n = 0;
    while (n < limit && isBorder(n)) n++;
    return n;
  };
  return {
    top: scan(Math.ceil(h / 2), row),
    bottom: scan(Math.floor(h / 2), (i) => row(h - 1 - i)),
    left: scan(Math.ceil(w / 2), column),
    right: scan(Math.floor(w / 2), (i) => column(w - 1 - i)),
  };
}

/** The share of the image's area that the borders cover, 0 … 1. */
export function borderShare(borders: Borders, width: number, height: number): number {
  const innerWidth = Math.max(0, width - borders.left - borders.right);
  const innerHeight = Math.max(0, height - borders.top - borders.bottom);
  return 1 - (innerWidth * innerHeight) / (width * height);
}
