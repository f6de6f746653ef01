/**
 * Python 3's `round(x)` and numpy's `np.round(x)`: to the nearest integer, ties to the even one
 * (round(2.5) = 2, round(3.5) = 4, round(-0.5) = 0). PaddleOCR rounds with both — the resized
 * side in `DetResizeForTest`, the box corners in `DBPostProcess` — and JavaScript's `Math.round`
 * sends ties up instead, so reproducing its sizes and boxes exactly needs this.
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
