import type { GrayImage } from "./gray-image";

/**
 * Perceptual hashes, 64 bits as 16 hex digits, following the `imagehash` Python package
 * (J. Buchner), itself after N. Krawetz, "Looks Like It" (2011) and "Kind of Like That" (2013).
 * The caller resizes the grayscale image to the hash's input size first (32×32 for pHash, 9×8
 * for dHash); near-duplicates then differ in a few bits (Hamming distance).
 */

/**
 * dHash: on a 9×8 image, bit (row, col) = pixel(row, col) < pixel(row, col + 1), row-major, the
 * first bit most significant — `imagehash.dhash` (`diff = pixels[:, 1:] > pixels[:, :-1]`; here
 * "left < right" is the same comparison).
 */
export function differenceHash(image: GrayImage): string {
  if (image.width !== 9 || image.height !== 8) throw new RangeError("dHash needs a 9×8 image");
  const bits: boolean[] = [];
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++) bits.push(image.data[y * 9 + x + 1]! > image.data[y * 9 + x]!);
  return bitsToHex(bits);
}

/**
 * pHash: the 2-D DCT-II of a 32×32 image, its top-left 8×8 low frequencies, and one bit per
 * coefficient: above their median — `imagehash.phash` (scipy's unnormalized DCT-II along both
 * axes; scaling does not change which side of the median a coefficient is on).
 */
export function perceptualHash(image: GrayImage): string {
  if (image.width !== 32 || image.height !== 32) throw new RangeError("pHash needs a 32×32 image");
  const n = 32;
  const k = 8;
  // cos((2x + 1)uπ / 2N) for u < 8, x < 32: the only rows of the DCT basis the 8×8 block needs.
  const basis = new Float64Array(k * n);
  for (let u = 0; u < k; u++)
    for (let x = 0; x < n; x++) basis[u * n + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * n));
  // Rows first (32 rows × 8 frequencies), then columns of that (8 × 8).
  const rows = new Float64Array(n * k);
  for (let y = 0; y < n; y++)
    for (let u = 0; u < k; u++) {
      let s = 0;
      for (let x = 0; x < n; x++) s += image.data[y * n + x]! * basis[u * n + x]!;
      rows[y * k + u] = s;
    }
  const low: number[] = [];
  for (let v = 0; v < k; v++)
    for (let u = 0; u < k; u++) {
      let s = 0;
      for (let y = 0; y < n; y++) s += rows[y * k + u]! * basis[v * n + y]!;
      low.push(s);
    }
  const sorted = [...low].sort((a, b) => a - b);
  const median = (sorted[31]! + sorted[32]!) / 2;
  return bitsToHex(low.map((c) => c > median));
}

function bitsToHex(bits: readonly boolean[]): string {
  let hex = "";
  for (let i = 0; i < bits.length; i += 4) {
    const nibble = (bits[i] ? 8 : 0) | (bits[i + 1] ? 4 : 0) | (bits[i + 2] ? 2 : 0) | (bits[i + 3] ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}
