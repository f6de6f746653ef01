import { grayImage, type GrayImage } from "./gray-image";

/**
 * Downscaling by area averaging: each target pixel is the mean of the source area it covers,
 * partial source pixels weighted by the part covered (what OpenCV calls INTER_AREA). For the
 * hashes' tiny inputs (32×32, 9×8) this is the antialiased reduction the hashes assume, done in
 * a fraction of a millisecond instead of another trip through the image library. Separable: the
 * columns are reduced row by row first, then the rows.
 */
export function areaResize(image: GrayImage, width: number, height: number): GrayImage {
  if (width < 1 || height < 1) throw new RangeError("the target size must be at least 1×1");
  const { width: w, height: h, data } = image;
  const columns = spansOf(w, width);
  const rows = spansOf(h, height);
  // Pass 1: every source row reduced to `width` column sums. The whole pixels of a span are
  // summed as integers; only its two edge pixels are weighted (this loop reads each source pixel
  // once, and is where the time goes).
  const narrow = new Float64Array(h * width);
  // Long runs are summed four bytes at a time, where the bytes are 4-byte aligned.
  const words =
    data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >>> 2) : null;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const out = y * width;
    for (let t = 0; t < width; t++) {
      const end = row + columns.wholeEnd[t]!;
      const start = row + columns.wholeStart[t]!;
      const whole =
        words && end - start >= 16 ? sumBytesByWords(data, words, start, end) : sumBytes(data, start, end);
      const tail = columns.tailWeight[t]! > 0 ? data[end]! * columns.tailWeight[t]! : 0;
      narrow[out + t] = data[row + columns.head[t]!]! * columns.headWeight[t]! + whole + tail;
    }
  }
  // Pass 2: the rows, by the same spans, then the mean over the covered area.
  const sums = new Float64Array(width * height);
  const addRow = (into: number, sourceRow: number, weight: number) => {
    const from = sourceRow * width;
    for (let x = 0; x < width; x++) sums[into + x]! += narrow[from + x]! * weight;
  };
  for (let t = 0; t < height; t++) {
    const into = t * width;
    addRow(into, rows.head[t]!, rows.headWeight[t]!);
    for (let y = rows.wholeStart[t]!; y < rows.wholeEnd[t]!; y++) addRow(into, y, 1);
    if (rows.tailWeight[t]! > 0) addRow(into, rows.wholeEnd[t]!, rows.tailWeight[t]!);
  }
  const area = (w / width) * (h / height);
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(sums[i]! / area);
  return grayImage(width, height, out);
}

function sumBytes(data: Uint8Array, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += data[k]!;
  return sum;
}

/**
 * `data[from … to − 1]` summed with the middle read four bytes at a time from `words` (the same
 * memory as 32-bit words), two bytes added per 16-bit lane (SWAR): a quarter of the reads of a
 * byte loop. At most 64 words go into the lanes between flushes, so neither lane overflows
 * (64 × 2 × 255 < 2¹⁶) and their total stays below 2³¹.
 */
function sumBytesByWords(data: Uint8Array, words: Uint32Array, from: number, to: number): number {
  let sum = 0;
  let k = from;
  for (; k & 3; k++) sum += data[k]!;
  const lastWord = to >>> 2;
  for (let word = k >>> 2; word < lastWord;) {
    const flushAt = Math.min(lastWord, word + 64);
    let lanes = 0;
    for (; word < flushAt; word++) {
      const v = words[word]!;
      lanes += (v & 0x00ff00ff) + ((v >>> 8) & 0x00ff00ff);
    }
    sum += (lanes & 0xffff) + (lanes >>> 16);
  }
  for (k = lastWord << 2; k < to; k++) sum += data[k]!;
  return sum;
}

/**
 * How target pixel t covers the source along one axis: `head[t]` partly (`headWeight[t]`), the
 * whole pixels `wholeStart[t]` … `wholeEnd[t]` − 1, and `wholeEnd[t]` partly (`tailWeight[t]`,
 * 0 when the span ends on a pixel edge). Spans are `sourceSize / targetSize` long.
 */
function spansOf(sourceSize: number, targetSize: number) {
  const scale = sourceSize / targetSize;
  const head = new Int32Array(targetSize);
  const headWeight = new Float64Array(targetSize);
  const wholeStart = new Int32Array(targetSize);
  const wholeEnd = new Int32Array(targetSize);
  const tailWeight = new Float64Array(targetSize);
  for (let t = 0; t < targetSize; t++) {
    const start = t * scale;
    const end = Math.min(sourceSize, start + scale);
    const first = Math.floor(start);
    head[t] = first;
    if (end <= first + 1) {
      // The whole span lies within one source pixel (an enlargement).
      headWeight[t] = end - start;
      wholeStart[t] = wholeEnd[t] = first + 1;
      continue;
    }
    headWeight[t] = first + 1 - start;
    wholeStart[t] = first + 1;
    wholeEnd[t] = Math.floor(end);
    tailWeight[t] = end - Math.floor(end);
  }
  return { head, headWeight, wholeStart, wholeEnd, tailWeight };
}
